package dev.readnext.path;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.api.Page;
import dev.readnext.api.PageInfo;

@Description("One page of learning paths, with cursors to page on (first/after forwards, last/before backwards)")
public record LearningPathConnection(
        @NonNull @Description("Number of learning paths in all pages together")
        int totalCount,
        @NonNull @Description("The learning paths of this page with their cursors, in the order they were made")
        List<@NonNull LearningPathEdge> edges,
        @NonNull @Description("The learning paths of this page, in the order they were made (edges without the cursors)")
        List<@NonNull LearningPath> nodes,
        @NonNull @Description("Whether more learning paths come before or after this page, and the cursors to ask for them")
        PageInfo pageInfo) {

    @Description("A learning path of a page, with its cursor")
    public record LearningPathEdge(
            @NonNull @Description("Opaque cursor of this item: pass it as after (or before) to get the items after"
                    + " (or before) it") String cursor,
            @NonNull @Description("The learning path") LearningPath node) {
    }

    public static LearningPathConnection of(Page<LearningPath> page) {
        return new LearningPathConnection(page.totalCount(), page.edges(LearningPathEdge::new), page.items(),
                page.pageInfo());
    }
}
