package dev.readnext.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.quarkus.runtime.Quarkus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import-arxiv <file> [--batch-size N]}: arguments are checked before Quarkus starts, then the app runs in
 * command mode: no HTTP listener (so it can run next to a server on the same port), no recommendation index, but
 * Flyway migrations and the first-start seed import as usual, so the papers of the bundled lists are there to merge
 * with and a server started later finds its reading lists.
 */
@Command(name = ImportArxivCommand.NAME, mixinStandardHelpOptions = true, versionProvider = AppVersion.class,
        description = "Imports arXiv metadata (JSONL, gzip or plain) into the knowledge base and exits.")
final class ImportArxivCommand implements Callable<Integer> {

    static final String NAME = "import-arxiv";

    @Parameters(paramLabel = "<file>", description = "arXiv metadata, one JSON object per line (.jsonl or .jsonl.gz)")
    Path file;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "2000",
            description = "papers written per batch (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            System.err.println(NAME + ": cannot read " + file);
            return 2;
        }
        if (batchSize < 1) {
            System.err.println(NAME + ": --batch-size must be at least 1");
            return 2;
        }
        System.setProperty("quarkus.http.host-enabled", "false");
        System.setProperty("readnext.index.enabled", "false");
        // the shutdown delay lets load balancers drop a stopping server; a command has nobody to wait for
        System.setProperty("%prod.quarkus.shutdown.delay", "0S");
        int[] exit = {1};
        Quarkus.run(ImportArxivApp.class, (code, failure) -> {
            if (failure != null) {
                System.err.println(NAME + ": could not start: " + rootMessage(failure));
            }
            exit[0] = failure != null && code == 0 ? 1 : code;
        }, file.toAbsolutePath().toString(), Integer.toString(batchSize));
        return exit[0];
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
