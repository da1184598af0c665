package dev.readnext.recommend;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.api.Page;
import dev.readnext.api.PageInfo;

@Description("One page of recommendations, with cursors to page on (first/after forwards, last/before backwards)")
public record RecommendationConnection(
        @NonNull @Description("Number of recommendations in all pages together (the best 50 at most:"
                + " recommendations page within their top 50)")
        int totalCount,
        @NonNull @Description("The recommendations of this page with their cursors, best first")
        List<@NonNull RecommendationEdge> edges,
        @NonNull @Description("The recommendations of this page, best first (edges without the cursors)")
        List<@NonNull Recommendation> nodes,
        @NonNull @Description("Whether more recommendations come before or after this page, and the cursors to ask for them")
        PageInfo pageInfo) {

    @Description("A recommendation of a page, with its cursor")
    public record RecommendationEdge(
            @NonNull @Description("Opaque cursor of this item: pass it as after (or before) to get the items after"
                    + " (or before) it") String cursor,
            @NonNull @Description("The recommendation") Recommendation node) {
    }

    public static RecommendationConnection of(Page<Recommendation> page) {
        return new RecommendationConnection(page.totalCount(), page.edges(RecommendationEdge::new), page.items(),
                page.pageInfo());
    }
}
