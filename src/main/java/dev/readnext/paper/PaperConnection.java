package dev.readnext.paper;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.api.PageInfo;
import dev.readnext.api.Paging;

public record PaperConnection(@NonNull int totalCount, @NonNull List<@NonNull PaperEdge> edges,
        @NonNull PageInfo pageInfo) {

    public record PaperEdge(@NonNull String cursor, @NonNull Paper node) {
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
