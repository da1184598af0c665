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
public record BulkImportReport(
        @NonNull @Description("Lines read, blank ones included") int lines,
        @NonNull @Description("Lines that became new papers") int created,
        @NonNull @Description("Lines that changed an existing paper (its fields or category topics)") int updated,
        @NonNull @Description("Lines whose paper already had exactly this data (a repeated id too)") int unchanged,
        @NonNull @Description("Malformed lines, not imported") int skipped,
        @NonNull @Description("The first " + MAX_LISTED_ERRORS + " skipped lines, with the reason") List<@NonNull LineError> errors,
        @NonNull @Description("Topics created for arXiv categories not seen before") int topicsCreated,
        @NonNull @Description("How long the import took, in milliseconds") int durationMs) {

    public static final int MAX_LISTED_ERRORS = 100;

    @Description("A line that was skipped, and why")
    public record LineError(@NonNull @Description("1-based line number in the content") int line,
            @NonNull @Description("Why the line was skipped") String message) {
    }
}
