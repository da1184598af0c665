package dev.readnext.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.readnext.api.ApiException;
import dev.readnext.api.Inputs;
import dev.readnext.ingest.parse.ParsedList;
import dev.readnext.ingest.parse.ReadingListParsers;
import dev.readnext.text.Slugs;

/**
 * A reading list sent by a client: checked (size, text), parsed with the format detected, and imported under the
 * name given (which identifies the list: importing under the same name again updates that list).
 */
@ApplicationScoped
public class ReadingListImport {

    /** Largest content accepted, in UTF-8 bytes. */
    public static final int MAX_CONTENT_BYTES = 2 * 1024 * 1024;

    @Inject
    Importer importer;

    @Inject
    ImportMetrics metrics;

    /** Imports into the catalogue ({@code ownerId} null) or as one of reader {@code ownerId}'s own lists. */
    public ImportReport importList(String name, String content, Long ownerId) {
        ImportMetrics.Run run = metrics.start(ImportMetrics.UNKNOWN_FORMAT);
        try {
            ParsedList list = parse(name, content);
            run.format(list.format().name());
            ImportReport report = importer.importLists(List.of(list), ownerId);
            run.succeeded(report.created(), report.merged());
            return report;
        } catch (RuntimeException e) {
            run.failed();
            throw e;
        }
    }

    private static ParsedList parse(String name, String content) {
        String listName = Inputs.requiredText("name", name, 200);
        if (Slugs.slugify(listName).isEmpty()) {
            throw ApiException.badInput("name", "name must contain a letter or digit");
        }
        if (content == null || content.getBytes(StandardCharsets.UTF_8).length > MAX_CONTENT_BYTES) {
            throw ApiException.badInput("content", "content must be at most " + MAX_CONTENT_BYTES / 1024 / 1024
                    + " MB of text");
        }
        ParsedList parsed;
        try {
            parsed = ReadingListParsers.parse(listName, content);
        } catch (IllegalArgumentException e) {
            throw ApiException.badInput("content", e.getMessage());
        }
        return new ParsedList(Slugs.slugify(listName), listName, parsed.format(), parsed.entries(), parsed.course(),
                parsed.warnings());
    }
}
