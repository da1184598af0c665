package dev.readnext.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Where a page ends, and whether more follow")
public record PageInfo(@NonNull @Description("True when more items follow this page") boolean hasNextPage,
        @Description("Cursor of the page's last item, to pass as after for the next page; null when the page is empty")
        String endCursor) {
}
