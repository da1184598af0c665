package dev.readnext.paper;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.api.Page;
import dev.readnext.api.PageInfo;

@Description("One page of search hits, with cursors to page on (first/after forwards, last/before backwards)")
public record SearchHitConnection(
        @NonNull @Description("Number of search hits in all pages together (the best 100 hits at most:"
                + " a search pages within its first 100)")
        int totalCount,
        @NonNull @Description("The search hits of this page with their cursors, best first")
        List<@NonNull SearchHitEdge> edges,
        @NonNull @Description("The search hits of this page, best first (edges without the cursors)")
        List<@NonNull SearchHit> nodes,
        @NonNull @Description("Whether more search hits come before or after this page, and the cursors to ask for them")
        PageInfo pageInfo) {

    @Description("A search hit of a page, with its cursor")
    public record SearchHitEdge(
            @NonNull @Description("Opaque cursor of this item: pass it as after (or before) to get the items after"
                    + " (or before) it") String cursor,
            @NonNull @Description("The hit") SearchHit node) {
    }

    public static SearchHitConnection of(Page<SearchHit> page) {
        return new SearchHitConnection(page.totalCount(), page.edges(SearchHitEdge::new), page.items(),
                page.pageInfo());
    }
}
