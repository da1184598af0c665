package dev.readnext.cli;

import java.util.Arrays;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The packaged app's entry point: without arguments the service; {@code import-arxiv <file> [--batch-size N]} imports
 * arXiv metadata and exits.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        if (args.length > 0 && ImportArxivCommand.NAME.equals(args[0])) {
            System.exit(ImportArxivCommand.execute(Arrays.copyOfRange(args, 1, args.length)));
        }
        Quarkus.run(args);
    }
}
