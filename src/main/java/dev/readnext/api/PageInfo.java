package dev.readnext.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Where a page starts and ends, and whether more items come before or after it")
public record PageInfo(@NonNull @Description("True when more items follow this page") boolean hasNextPage,
        @NonNull @Description("True when items come before this page (pass startCursor as before to get them)")
        boolean hasPreviousPage,
        @Description("Cursor of the page's first item, to pass as before for the previous page; null when the page is"
                + " empty") String startCursor,
        @Description("Cursor of the page's last item, to pass as after for the next page; null when the page is empty")
        String endCursor) {
}
