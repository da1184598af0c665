package dev.readnext.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

/**
 * One page of a list that is read whole and is bounded (a top-k, a reading list's entries), with cursors that are
 * positions in the list: first/after/last/before as in the Relay connection specification.
 *
 * @param items the page's items, in list order
 * @param cursors the cursor of each item, aligned with the items
 */
public record Page<T>(List<T> items, List<String> cursors, PageInfo pageInfo, int totalCount) {

    /** The page of {@code all} that the arguments ask for (see {@link Paging#window}). */
    public static <T> Page<T> of(List<T> all, Integer first, String after, Integer last, String before) {
        Paging.Window window = Paging.window(all.size(), first, after, last, before);
        List<String> cursors = IntStream.range(window.start(), window.end()).mapToObj(Paging::positionCursor).toList();
        PageInfo info = new PageInfo(window.end() < all.size(), window.start() > 0,
                cursors.isEmpty() ? null : cursors.get(0), cursors.isEmpty() ? null : cursors.get(cursors.size() - 1));
        return new Page<>(all.subList(window.start(), window.end()), cursors, info, all.size());
    }

    /** The same page with other items in place of these (same order, same cursors). */
    public <U> Page<U> map(List<U> replacements) {
        assert replacements.size() == items.size();
        return new Page<>(replacements, cursors, pageInfo, totalCount);
    }

    /** The page's edges: each item with its cursor. */
    public <E> List<E> edges(BiFunction<String, T, E> edge) {
        List<E> edges = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            edges.add(edge.apply(cursors.get(i), items.get(i)));
        }
        return edges;
    }
}
