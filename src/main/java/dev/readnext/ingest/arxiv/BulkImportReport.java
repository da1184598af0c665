package dev.readnext.ingest.arxiv;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * What a bulk import did, counted per line.
 *
 * @param created       lines that became new papers
 * @param updated       lines that changed an existing paper (fields or category topics)
 * @param unchanged     lines whose paper already had exactly this data (also a repeated id within the file)
 * @param skipped       malformed lines, not imported
 * @param errors        the first {@link #MAX_LISTED_ERRORS} of the skipped lines, with the reason
 * @param topicsCreated category topics created
 */
@Description("What an arXiv metadata import did, counted per line")
public record BulkImportReport(@NonNull int lines, @NonNull int created, @NonNull int updated, @NonNull int unchanged,
        @NonNull int skipped, @NonNull List<@NonNull LineError> errors, @NonNull int topicsCreated,
        @NonNull int durationMs) {

    public static final int MAX_LISTED_ERRORS = 100;

    @Description("A line that was skipped, and why")
    public record LineError(@NonNull int line, @NonNull String message) {
    }
}
