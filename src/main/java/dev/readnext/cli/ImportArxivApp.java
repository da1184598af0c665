package dev.readnext.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.inject.Inject;

import dev.readnext.ingest.arxiv.ArxivImport;
import dev.readnext.ingest.arxiv.BulkImportReport;
import dev.readnext.ingest.arxiv.BulkImportException;
import io.quarkus.runtime.QuarkusApplication;

/** The import-arxiv run inside Quarkus: arguments (already checked) are the file and the batch size. */
public class ImportArxivApp implements QuarkusApplication {

    @Inject
    ArxivImport imports;

    @Override
    public int run(String... args) {
        Path file = Path.of(args[0]);
        int batchSize = Integer.parseInt(args[1]);
        BulkImportReport report;
        try (InputStream in = Files.newInputStream(file); ConsoleProgress progress = ConsoleProgress.start(Files.size(file))) {
            report = imports.importFrom(in, batchSize, progress);
        } catch (IOException | BulkImportException e) {
            System.err.println(ImportArxivCommand.NAME + ": import failed, nothing was written: " + e.getMessage());
            return 1;
        }
        print(report);
        return 0;
    }

    private static void print(BulkImportReport report) {
        System.out.printf("%,d lines: %,d papers created, %,d updated, %,d unchanged, %,d skipped; %,d topics created;"
                + " %.1f s%n", report.lines(), report.created(), report.updated(), report.unchanged(), report.skipped(),
                report.topicsCreated(), report.durationMs() / 1000.0);
        report.errors().forEach(error -> System.out.printf("line %d: %s%n", error.line(), error.message()));
        if (report.skipped() > report.errors().size()) {
            System.out.printf("… and %,d more skipped lines%n", report.skipped() - report.errors().size());
        }
    }
}
