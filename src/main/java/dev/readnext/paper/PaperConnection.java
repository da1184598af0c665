package dev.readnext.paper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.api.PageInfo;
import dev.readnext.api.Paging;

@Description("One page of papers, with cursors to page on (first/after forwards, last/before backwards)")
public record PaperConnection(
        @NonNull @Description("Number of papers in all pages together") int totalCount,
        @NonNull @Description("The papers of this page with their cursors, in the order the field that returned the"
                + " connection gives (papers: by id; Reader.read: most recently read first)")
        List<@NonNull PaperEdge> edges,
        @NonNull @Description("The papers of this page, in the same order (edges without the cursors)")
        List<@NonNull Paper> nodes,
        @NonNull @Description("Whether more papers come before or after this page, and the cursors to ask for them")
        PageInfo pageInfo) {

    @Description("A paper of a page, with its cursor")
    public record PaperEdge(
            @NonNull @Description("Opaque cursor of this paper: pass it as after (or before) to get the papers after"
                    + " (or before) it") String cursor,
            @NonNull @Description("The paper") Paper node) {
    }

    /**
     * A page read forwards, from papers fetched in id order with one extra row beyond {@code pageSize} to detect a
     * next page.
     */
    public static PaperConnection forward(List<Paper> fetched, int pageSize, int totalCount, boolean hasPrevious) {
        boolean hasNext = fetched.size() > pageSize;
        return of(hasNext ? fetched.subList(0, pageSize) : fetched, hasNext, hasPrevious, totalCount);
    }

    /**
     * A page read backwards, from papers fetched in descending id order with one extra row beyond {@code pageSize}
     * to detect a previous page.
     */
    public static PaperConnection backward(List<Paper> fetched, int pageSize, int totalCount, boolean hasNext) {
        boolean hasPrevious = fetched.size() > pageSize;
        List<Paper> page = new ArrayList<>(hasPrevious ? fetched.subList(0, pageSize) : fetched);
        Collections.reverse(page);
        return of(page, hasNext, hasPrevious, totalCount);
    }

    private static PaperConnection of(List<Paper> page, boolean hasNext, boolean hasPrevious, int totalCount) {
        List<PaperEdge> edges = page.stream().map(p -> new PaperEdge(Paging.cursor(p.id), p)).toList();
        String start = edges.isEmpty() ? null : edges.get(0).cursor();
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new PaperConnection(totalCount, edges, page, new PageInfo(hasNext, hasPrevious, start, end));
    }
}
