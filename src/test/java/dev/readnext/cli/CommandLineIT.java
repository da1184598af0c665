package dev.readnext.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.readnext.cli.PackagedJar.Run;

/**
 * The packaged jar's command line: help, version and bad arguments are answered before Quarkus starts. Each run
 * points the datasource at a tripwire, a socket of this test that counts every connection, and must end by itself
 * (a server never does) with nothing counted and no sign of Quarkus in the output.
 */
class CommandLineIT {

    static final String VERSION = System.getProperty("readnext.version");
    static final Duration QUICK = Duration.ofSeconds(60);

    private ServerSocket tripwire;
    private final AtomicInteger connections = new AtomicInteger();

    @BeforeEach
    void layTheTripwire() throws IOException {
        tripwire = new ServerSocket(0);
        Thread watcher = new Thread(() -> {
            while (!tripwire.isClosed()) {
                try (Socket connection = tripwire.accept()) {
                    connections.incrementAndGet();
                } catch (IOException closed) {
                    // the test is over
                }
            }
        });
        watcher.setDaemon(true);
        watcher.start();
    }

    @AfterEach
    void removeTheTripwire() throws IOException {
        tripwire.close();
    }

    @Test
    void helpListsTheCommandsAndExitsZero() throws Exception {
        Run run = quick("--help");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.stdout().startsWith("Usage: readnext "), run.output());
        assertTrue(run.stdout().contains("serve") && run.stdout().contains("import-arxiv"), run.stdout());
        assertTrue(run.stdout().contains("--version"), run.stdout());
    }

    @Test
    void versionPrintsThePackagedVersion() throws Exception {
        Run run = quick("--version");
        assertEquals(0, run.exitCode(), run.output());
        assertEquals("readnext " + VERSION, run.stdout().strip());
    }

    @Test
    void eachSubcommandHasItsOwnHelp() throws Exception {
        Run serve = quick("serve", "--help");
        assertEquals(0, serve.exitCode(), serve.output());
        assertTrue(serve.stdout().startsWith("Usage: readnext serve "), serve.output());

        Run importArxiv = quick("help", "import-arxiv");
        assertEquals(0, importArxiv.exitCode(), importArxiv.output());
        assertTrue(importArxiv.stdout().startsWith("Usage: readnext import-arxiv "), importArxiv.output());
        assertTrue(importArxiv.stdout().contains("--batch-size"), importArxiv.output());
    }

    @Test
    void eachSubcommandKnowsTheVersion() throws Exception {
        for (String command : new String[] { "serve", "import-arxiv" }) {
            Run run = quick(command, "-V");
            assertEquals(0, run.exitCode(), run.output());
            assertEquals("readnext " + VERSION, run.stdout().strip(), command);
        }
    }

    @Test
    void anUnknownOptionIsRefusedWithTheUsageAndExitCodeTwo() throws Exception {
        Run run = quick("--port=9000");
        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.stderr().startsWith("Unknown option: '--port=9000'"), run.output());
        assertTrue(run.stderr().contains("Usage: readnext "), run.output());
        assertEquals("", run.stdout());
    }

    @Test
    void anUnknownCommandIsRefusedWithTheUsageAndExitCodeTwo() throws Exception {
        Run run = quick("migrate");
        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.stderr().contains("Unmatched argument at index 0: 'migrate'"), run.output());
        assertTrue(run.stderr().contains("Usage: readnext "), run.output());
    }

    @Test
    void serveTakesNoArguments() throws Exception {
        Run run = quick("serve", "--help-me");
        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.stderr().contains("Possible solutions: --help"), run.output());
        assertTrue(run.stderr().contains("Usage: readnext serve "), run.output());
    }

    @Test
    void importArxivRefusesAMissingFileArgument() throws Exception {
        Run run = quick("import-arxiv");
        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.stderr().contains("Missing required parameter: '<file>'"), run.output());
    }

    /** The control: without arguments the jar serves, so it goes for the database (and fails on the tripwire). */
    @Test
    void withoutArgumentsTheJarServesAndLogsReadableText() throws Exception {
        Run run = PackagedJar.run(environment(), Duration.ofMinutes(2));
        assertNotEquals(0, run.exitCode(), run.output());
        assertTrue(connections.get() > 0, "the server never tried the database:\n" + run.output());
        assertTrue(run.output().lines().anyMatch(line -> line.contains(" ERROR [")),
                "no readable log line (level in the text) in:\n" + run.output());
        assertFalse(run.output().lines().anyMatch(line -> line.startsWith("{")), "JSON log lines:\n" + run.output());
    }

    private Run quick(String... args) throws Exception {
        Run run = PackagedJar.run(environment(), QUICK, args);
        assertEquals(0, connections.get(), "connected to the database:\n" + run.output());
        assertFalse(run.output().contains("Installed features") || run.output().contains("Listening on"),
                "Quarkus started:\n" + run.output());
        return run;
    }

    private Map<String, String> environment() {
        return Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + tripwire.getLocalPort() + "/postgres",
                "READNEXT_SCHEMA", "readnext_it_cli", "QUARKUS_HTTP_PORT", "0");
    }
}
