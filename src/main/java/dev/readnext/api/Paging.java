package dev.readnext.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Validates page sizes and encodes opaque cursors (keyset paging on a numeric id). */
public final class Paging {

    public static final int MAX_PAGE_SIZE = 100;

    /** The schema description of every argument that continues a page. */
    public static final String AFTER = "Cursor to start after: the endCursor (or an edge's cursor) of the previous page;"
            + " absent for the first page";

    private Paging() {
    }

    /** @return {@code first}, or {@code defaultSize} when null; rejects sizes outside 0..max. */
    public static int pageSize(Integer first, int defaultSize, int max) {
        int size = first == null ? defaultSize : first;
        if (size < 0 || size > max) {
            throw ApiException.badInput("first", "first must be between 0 and " + max + ", was " + size);
        }
        return size;
    }

    public static String cursor(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("id:" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @return the id after which the page starts, or 0 for the first page */
    public static long afterId(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith("id:")) {
                return Long.parseLong(decoded.substring(3));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw ApiException.badInput("after", "after is not a cursor returned by this API");
    }
}
