package dev.readnext.ingest.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import dev.readnext.text.TextRepair;

/**
 * The headings (and bullet groups) an entry currently sits under. Levels only need to order: headings use
 * 1–6, a bullet group uses {@link #bulletGroupLevel} so any heading closes it.
 */
final class SectionStack {

    /** Headings that sort resources by kind rather than subject ("### papers"): sections, not topics. */
    private static final Set<String> KIND_HEADINGS = Set.of("papers", "paper", "articles", "blogs", "blog posts",
            "posts", "videos", "talks", "links", "resources", "repos", "repositories", "code", "reading", "readings");
    private static final int BULLET_GROUP_BASE = 100;

    private record Open(int level, String title) {
    }

    private final Deque<Open> open = new ArrayDeque<>();

    static int bulletGroupLevel(int indent) {
        return BULLET_GROUP_BASE + indent;
    }

    static boolean isTopic(String title) {
        return !KIND_HEADINGS.contains(title.toLowerCase(Locale.ROOT));
    }

    /** Closes everything at {@code level} or deeper, then opens the new section. */
    void open(int level, String title) {
        closeFrom(level);
        open.push(new Open(level, TextRepair.clean(title)));
    }

    void closeFrom(int level) {
        while (!open.isEmpty() && open.peek().level() >= level) {
            open.pop();
        }
    }

    /** "Miscellaneous / Datalogy", or null outside any section. */
    String section() {
        return open.isEmpty() ? null : titlesOutermostFirst().collect(Collectors.joining(" / "));
    }

    List<String> topicPath() {
        return titlesOutermostFirst().filter(SectionStack::isTopic).collect(Collectors.toUnmodifiableList());
    }

    private Stream<String> titlesOutermostFirst() {
        List<String> titles = new ArrayList<>(open.size());
        open.descendingIterator().forEachRemaining(section -> titles.add(section.title()));
        return titles.stream();
    }
}
