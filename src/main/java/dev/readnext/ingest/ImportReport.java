package dev.readnext.ingest;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * What an import did, counted per resource entry of the imported lists.
 *
 * @param created   entries that became new papers
 * @param merged    entries matched to an existing paper that gained data or a membership
 * @param unchanged entries matched to an existing paper with nothing new
 */
@Description("What an import did: entries counted as created, merged into an existing paper, or unchanged")
public record ImportReport(
        @NonNull @Description("Entries that became new papers") int created,
        @NonNull @Description("Entries matched to an existing paper that gained data or a list membership") int merged,
        @NonNull @Description("Entries matched to an existing paper with nothing new") int unchanged,
        @NonNull @Description("Lines skipped or guessed at, in order; empty when none") List<@NonNull Warning> warnings) {

    @Description("A line of the imported content that was skipped or needed a guess")
    public record Warning(@NonNull @Description("Slug of the reading list the line belongs to") String list,
            @NonNull @Description("1-based line number in the imported content") int line,
            @NonNull @Description("What happened to the line, and why") String message) {
    }
}
