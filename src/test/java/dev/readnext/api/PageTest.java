package dev.readnext.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Paging a bounded list with first/after/last/before, as the Relay connection specification pages. */
class PageTest {

    private static final List<Integer> TEN = IntStream.range(0, 10).boxed().toList();

    @Test
    void firstAndAfterPageForwardsToTheEnd() {
        Page<Integer> one = Page.of(TEN, 4, null, null, null);
        assertEquals(List.of(0, 1, 2, 3), one.items());
        assertTrue(one.pageInfo().hasNextPage());
        assertFalse(one.pageInfo().hasPreviousPage());
        Page<Integer> two = Page.of(TEN, 4, one.pageInfo().endCursor(), null, null);
        assertEquals(List.of(4, 5, 6, 7), two.items());
        assertTrue(two.pageInfo().hasPreviousPage());
        Page<Integer> three = Page.of(TEN, 4, two.pageInfo().endCursor(), null, null);
        assertEquals(List.of(8, 9), three.items());
        assertFalse(three.pageInfo().hasNextPage());
        assertEquals(10, three.totalCount());
    }

    @Test
    void lastAndBeforePageBackwardsToTheStart() {
        Page<Integer> end = Page.of(TEN, null, null, 3, null);
        assertEquals(List.of(7, 8, 9), end.items());
        assertFalse(end.pageInfo().hasNextPage());
        assertTrue(end.pageInfo().hasPreviousPage());
        Page<Integer> before = Page.of(TEN, null, null, 3, end.pageInfo().startCursor());
        assertEquals(List.of(4, 5, 6), before.items());
        assertTrue(before.pageInfo().hasNextPage());
    }

    @Test
    void afterAndBeforeTogetherGiveTheItemsBetween() {
        Page<Integer> all = Page.of(TEN, 10, null, null, null);
        Page<Integer> between = Page.of(TEN, null, all.cursors().get(2), null, all.cursors().get(6));
        assertEquals(List.of(3, 4, 5), between.items());
    }

    @Test
    void neitherFirstNorLastGivesTheDefaultPage() {
        List<Integer> many = IntStream.range(0, 50).boxed().toList();
        assertEquals(Paging.DEFAULT_PAGE_SIZE, Page.of(many, null, null, null, null).items().size());
    }

    @Test
    void anEmptyPageHasNoCursors() {
        Page<Integer> none = Page.of(List.<Integer>of(), 5, null, null, null);
        assertTrue(none.items().isEmpty());
        assertNull(none.pageInfo().startCursor());
        assertNull(none.pageInfo().endCursor());
        assertEquals(0, none.totalCount());
    }

    @Test
    void sizesOutside0To100AreRefusedNamingTheArgument() {
        assertEquals("first", assertThrows(ApiException.class, () -> Page.of(TEN, 101, null, null, null)).field());
        assertEquals("first", assertThrows(ApiException.class, () -> Page.of(TEN, -1, null, null, null)).field());
        assertEquals("last", assertThrows(ApiException.class, () -> Page.of(TEN, null, null, 101, null)).field());
    }

    @Test
    void foreignOrMalformedCursorsAreRefused() {
        ApiException keyset = assertThrows(ApiException.class, () -> Page.of(TEN, 2, Paging.cursor(3), null, null));
        assertEquals(ErrorCode.BAD_USER_INPUT, keyset.code());
        assertEquals("after is not a cursor returned by this API", keyset.getMessage());
        assertEquals("before", assertThrows(ApiException.class, () -> Page.of(TEN, 2, null, null, "%%%")).field());
    }
}
