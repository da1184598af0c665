package dev.readnext.list;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.api.Page;
import dev.readnext.api.PageInfo;

@Description("One page of entries, with cursors to page on (first/after forwards, last/before backwards)")
public record ReadingListEntryConnection(
        @NonNull @Description("Number of entries in all pages together")
        int totalCount,
        @NonNull @Description("The entries of this page with their cursors, in list order")
        List<@NonNull ReadingListEntryEdge> edges,
        @NonNull @Description("The entries of this page, in list order (edges without the cursors)")
        List<@NonNull ReadingListEntry> nodes,
        @NonNull @Description("Whether more entries come before or after this page, and the cursors to ask for them")
        PageInfo pageInfo) {

    @Description("An entry of a reading list of a page, with its cursor")
    public record ReadingListEntryEdge(
            @NonNull @Description("Opaque cursor of this item: pass it as after (or before) to get the items after"
                    + " (or before) it") String cursor,
            @NonNull @Description("The entry") ReadingListEntry node) {
    }

    public static ReadingListEntryConnection of(Page<ReadingListEntry> page) {
        return new ReadingListEntryConnection(page.totalCount(), page.edges(ReadingListEntryEdge::new), page.items(),
                page.pageInfo());
    }
}
