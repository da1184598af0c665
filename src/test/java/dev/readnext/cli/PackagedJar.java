package dev.readnext.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code java -jar target/quarkus-app/quarkus-run.jar …} as a user runs it, with only the environment given. */
final class PackagedJar {

    record Run(int exitCode, String stdout, String stderr) {

        String output() {
            return stdout + stderr;
        }
    }

    private PackagedJar() {
    }

    /** Runs the jar with these arguments and variables (none of the caller's QUARKUS_, READNEXT_, MP_ variables). */
    static Run run(Map<String, String> environment, Duration timeout, String... args) throws IOException, InterruptedException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        assertTrue(Files.exists(jar), jar + " is missing: run ./mvnw package first");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("readnext-cli", ".out");
        Path stderr = Files.createTempFile("readnext-cli", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("READNEXT_")
                || name.startsWith("MP_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean ended = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        Run run = new Run(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        assertTrue(ended, String.join(" ", args) + " still ran after " + timeout + ":\n" + run.output());
        return run;
    }
}
