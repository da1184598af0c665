package dev.readnext.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import dev.readnext.ReadnextConfig;
import dev.readnext.ingest.parse.ParsedList;
import dev.readnext.ingest.parse.ReadingListParsers;

/**
 * On start against an empty knowledge base (no reading list yet), imports the reading lists bundled under
 * {@code db/seed/} (listed in {@code db/seed/index.txt}). A later start finds lists and imports nothing; the
 * import itself is idempotent too, so replicas starting together are safe (the importer serialises them).
 */
@ApplicationScoped
public class SeedImporter {

    static final String INDEX = "db/seed/index.txt";

    @Inject
    Importer importer;

    @Inject
    ReadnextConfig config;

    void onStart(@Observes StartupEvent event) {
        if (config.seed().enabled()) {
            importer.importIfEmpty(SeedImporter::parseBundledLists).ifPresent(SeedImporter::log);
        }
    }

    /** The summary, then each warning where it occurs (INFO: the bundled lists' quirks are known, not a fault). */
    private static void log(ImportReport report) {
        int warnings = report.warnings().size();
        Log.infof("Imported the bundled reading lists: %d papers created, %d merged, %d %s", report.created(),
                report.merged(), warnings, warnings == 1 ? "warning" : "warnings");
        report.warnings().forEach(warning -> Log.infof("Bundled list \"%s\", line %d: %s", warning.list(),
                warning.line(), warning.message()));
    }

    /** The bundled lists, parsed, in index order. */
    public static List<ParsedList> parseBundledLists() {
        List<ParsedList> lists = new ArrayList<>();
        for (String line : read(INDEX).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fileAndName = line.split("\\|", 2);
            String file = fileAndName[0].strip();
            String name = fileAndName.length > 1 ? fileAndName[1].strip() : file;
            lists.add(ReadingListParsers.parse(name, read("db/seed/" + file)));
        }
        return lists;
    }

    private static String read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
