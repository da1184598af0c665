package dev.readnext.paper;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.api.PageInfo;
import dev.readnext.api.Paging;

@Description("One page of papers, with cursors to page on (first/after)")
public record PaperConnection(
        @NonNull @Description("Number of papers in all pages together") int totalCount,
        @NonNull @Description("The papers of this page with their cursors, in id order") List<@NonNull PaperEdge> edges,
        @NonNull @Description("Whether more papers follow, and the cursor to ask for them") PageInfo pageInfo) {

    @Description("A paper of a page, with its cursor")
    public record PaperEdge(
            @NonNull @Description("Opaque cursor of this paper: pass it as after to get the papers after it") String cursor,
            @NonNull @Description("The paper") Paper node) {
    }

    /** A page from papers fetched with one extra row beyond {@code pageSize} to detect a next page. */
    public static PaperConnection of(List<Paper> fetched, int pageSize, int totalCount) {
        boolean hasNext = fetched.size() > pageSize;
        List<Paper> page = hasNext ? fetched.subList(0, pageSize) : fetched;
        List<PaperEdge> edges = page.stream().map(p -> new PaperEdge(Paging.cursor(p.id), p)).toList();
        String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new PaperConnection(totalCount, edges, new PageInfo(hasNext, endCursor));
    }
}
