package dev.readnext.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Page sizes and opaque cursors. Two kinds of cursor, both opaque to clients: a paper's id for keyset paging over
 * papers ({@code papers}, a topic's papers), and a position for lists that are read whole and are bounded
 * ({@link Page}). A cursor of one kind given where the other is expected is refused like any foreign cursor.
 */
public final class Paging {

    public static final int MAX_PAGE_SIZE = 100;
    /** The page size of a connection asked for with neither first nor last. */
    public static final int DEFAULT_PAGE_SIZE = 20;

    /** The schema description of every argument that continues a page. */
    public static final String AFTER = "Cursor to start after: the endCursor (or an edge's cursor) of the previous page;"
            + " absent for the first page";
    public static final String BEFORE = "Cursor to end before: the startCursor (or an edge's cursor) of the page after;"
            + " absent: up to the end";
    public static final String FIRST = "Number of items from the start (after the after cursor, if given), 0 to 100;"
            + " with neither first nor last: 20";
    public static final String LAST = "Number of items from the end (before the before cursor, if given), 0 to 100";

    private static final String ID = "id:";
    private static final String POSITION = "at:";

    private Paging() {
    }

    /** @return {@code first}, or {@code defaultSize} when null; rejects sizes outside 0..max. */
    public static int pageSize(Integer first, int defaultSize, int max) {
        return size("first", first == null ? defaultSize : first, max);
    }

    /** @return the size, checked to be within 0..max (BAD_USER_INPUT naming {@code field} otherwise) */
    public static int size(String field, int size, int max) {
        if (size < 0 || size > max) {
            throw ApiException.badInput(field, field + " must be between 0 and " + max + ", was " + size);
        }
        return size;
    }

    public static String cursor(long id) {
        return encode(ID + id);
    }

    static String positionCursor(int position) {
        return encode(POSITION + position);
    }

    /** @return the id after which the page starts, or 0 for the first page */
    public static long afterId(String cursor) {
        return cursor == null || cursor.isEmpty() ? 0 : decode("after", cursor, ID);
    }

    /** @return the id before which the page ends, or {@link Long#MAX_VALUE} when absent */
    public static long beforeId(String cursor) {
        return cursor == null || cursor.isEmpty() ? Long.MAX_VALUE : decode("before", cursor, ID);
    }

    /**
     * The items {@code [start, end)} of a list of {@code size} items that first/after/last/before ask for: after and
     * before narrow the list, then first keeps its first items and last its last ones. Sizes are 0 to
     * {@value #MAX_PAGE_SIZE}; with neither first nor last, the first {@value #DEFAULT_PAGE_SIZE}.
     */
    static Window window(int size, Integer first, String after, Integer last, String before) {
        int start = after == null || after.isEmpty() ? 0 : (int) Math.min(size, decode("after", after, POSITION) + 1);
        int end = before == null || before.isEmpty() ? size : (int) Math.min(size, decode("before", before, POSITION));
        end = Math.max(start, end);
        if (first != null || last == null) {
            end = Math.min(end, start + size("first", first == null ? DEFAULT_PAGE_SIZE : first, MAX_PAGE_SIZE));
        }
        if (last != null) {
            start = Math.max(start, end - size("last", last, MAX_PAGE_SIZE));
        }
        return new Window(start, end);
    }

    record Window(int start, int end) {
    }

    private static String encode(String cursor) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String field, String cursor, String kind) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(kind)) {
                long value = Long.parseLong(decoded.substring(kind.length()));
                if (value >= 0) {
                    return value;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw ApiException.badInput(field, field + " is not a cursor returned by this API");
    }
}
