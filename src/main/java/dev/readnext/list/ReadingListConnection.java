package dev.readnext.list;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.api.Page;
import dev.readnext.api.PageInfo;

@Description("One page of reading lists, with cursors to page on (first/after forwards, last/before backwards)")
public record ReadingListConnection(
        @NonNull @Description("Number of reading lists in all pages together")
        int totalCount,
        @NonNull @Description("The reading lists of this page with their cursors, by name")
        List<@NonNull ReadingListEdge> edges,
        @NonNull @Description("The reading lists of this page, by name (edges without the cursors)")
        List<@NonNull ReadingList> nodes,
        @NonNull @Description("Whether more reading lists come before or after this page, and the cursors to ask for them")
        PageInfo pageInfo) {

    @Description("A reading list of a page, with its cursor")
    public record ReadingListEdge(
            @NonNull @Description("Opaque cursor of this item: pass it as after (or before) to get the items after"
                    + " (or before) it") String cursor,
            @NonNull @Description("The reading list") ReadingList node) {
    }

    public static ReadingListConnection of(Page<ReadingList> page) {
        return new ReadingListConnection(page.totalCount(), page.edges(ReadingListEdge::new), page.items(),
                page.pageInfo());
    }
}
