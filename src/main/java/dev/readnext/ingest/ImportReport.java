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
public record ImportReport(@NonNull int created, @NonNull int merged, @NonNull int unchanged,
        @NonNull List<@NonNull Warning> warnings) {

    @Description("A line of the imported content that was skipped or needed a guess")
    public record Warning(@NonNull String list, @NonNull int line, @NonNull String message) {
    }
}
