package dev.readnext.cli;

import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The packaged app's entry point: {@code readnext [serve]} serves the API (also with no arguments),
 * {@code readnext import-arxiv <file>} imports arXiv metadata and exits; {@code --help} and {@code --version} on every
 * command, and anything else is refused with the usage (exit code 2). Arguments are checked before Quarkus starts,
 * so nothing but serving or an import ever opens a port or a database connection.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        ReadnextCommand readnext = new ReadnextCommand();
        int exitCode = readnext.commandLine().execute(args);
        // a server ends the JVM itself on shutdown, and in dev mode returns here to be started again
        if (!readnext.served()) {
            System.exit(exitCode);
        }
    }
}
