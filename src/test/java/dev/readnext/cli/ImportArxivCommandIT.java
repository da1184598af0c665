package dev.readnext.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.readnext.cli.PackagedJar.Run;

/**
 * {@code java -jar quarkus-run.jar import-arxiv <file>} as a user runs it: the packaged app against the local
 * PostgreSQL in a schema of its own (readnext_it_bulk, emptied first; no seed import, to keep it short).
 */
class ImportArxivCommandIT {

    static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    static final String SCHEMA = "readnext_it_bulk";

    @BeforeAll
    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(JDBC_URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void importsAGzipFileReportsMalformedLinesAndExitsZero() throws Exception {
        Path file = Files.createTempFile("arxiv", ".jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(String.join("\n",
                    "{\"id\": \"2511.80001\", \"title\": \"Ibex Parsing\", \"authors\": [\"A\"], \"categories\": [\"cs.CL\"]}",
                    "{\"id\": \"2511.80002\", \"title\": ",
                    "{\"id\": \"2511.80003\", \"title\": \"Ibex Tagging\", \"categories\": [\"cs.CL\", \"cs.IR\"]}",
                    "{\"id\": \"not-an-id\", \"title\": \"x\"}").getBytes(StandardCharsets.UTF_8));
        }

        Run run = importArxiv(Map.of(), file.toString(), "--batch-size", "1");

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("4 lines: 2 papers created, 0 updated, 0 unchanged, 2 skipped; 2 topics created"),
                run.output());
        assertTrue(run.output().contains("line 2: not valid JSON"), run.output());
        assertTrue(run.output().contains("line 4: invalid arXiv id: not-an-id"), run.output());
        assertTrue(!run.output().contains("Listening on: http"), "no HTTP listener in command mode:\n" + run.output());
        assertEquals(2, count("SELECT count(*) FROM paper WHERE arxiv_id LIKE '2511.8%'"));
        assertEquals(3, count("SELECT count(*) FROM paper_topic"));
        // two papers are logged one by one: the running replicas refresh those two, nothing is rebuilt
        assertEquals(0, count("SELECT count(*) FROM paper_change WHERE rebuild"));
        assertEquals(2, count("SELECT count(*) FROM paper_change c JOIN paper p ON p.id = c.paper_id"
                + " WHERE p.arxiv_id LIKE '2511.8%'"));
    }

    @Test
    void aFileThatIsNotThereIsAnErrorBeforeAnythingStarts() throws Exception {
        Run run = importArxiv(Map.of(), "/nonexistent/arxiv.jsonl");
        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("import-arxiv: cannot read /nonexistent/arxiv.jsonl"), run.output());
    }

    @Test
    void anUnreachableDatabaseIsAClearFailure() throws Exception {
        Path file = Files.writeString(Files.createTempFile("arxiv", ".jsonl"), "{\"id\": \"2511.80009\", \"title\": \"x\"}\n");
        Run run = importArxiv(Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:1/postgres"),
                file.toString());
        assertTrue(run.exitCode() != 0, run.output());
        assertTrue(run.output().contains("import-arxiv: could not start: "), run.output());
    }

    private static Run importArxiv(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        Map<String, String> variables = new HashMap<>(Map.of("READNEXT_SCHEMA", SCHEMA, "READNEXT_SEED_ENABLED", "false"));
        variables.putAll(environment);
        List<String> arguments = new ArrayList<>(List.of("import-arxiv"));
        arguments.addAll(List.of(args));
        return PackagedJar.run(variables, Duration.ofMinutes(3), arguments.toArray(String[]::new));
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(JDBC_URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + SCHEMA);
            try (ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
