package dev.readnext.paper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A full-text query made safe to hand to PostgreSQL's {@code websearch_to_tsquery}: the same syntax (words are
 * and-ed, {@code "quoted phrases"}, {@code or} between alternatives, {@code -word} and {@code -"phrase"} excluded,
 * the minus at the start of a word), but with repeated terms removed and at most {@link #MAX_TERMS} terms in all.
 *
 * <p>Why: PostgreSQL's ranking ({@code ts_rank_cd}) and highlighting ({@code ts_headline}) grow much faster than
 * linearly with the number of query items, and repeated items cost as much as distinct ones: "model " written 83
 * times ran for minutes. Duplicates change nothing in the result (a ∧ a = a, a ∨ a = a), so they are dropped
 * exactly; terms past the cap are ignored.
 *
 * <p>A term is a run of letters and digits; runs joined by {@code - . _ ' / : @ +} stay one word ("gpt-4",
 * "2104.09864"), as PostgreSQL's parser keeps them, but every run counts towards the cap (PostgreSQL makes a
 * phrase of a hyphenated word's parts), and a word or phrase longer than the cap is dropped. Everything else
 * (punctuation, tsquery operators {@code & | ! ( ) < :*}, control characters such as NUL) separates words, which is
 * what {@code websearch_to_tsquery} does with most of it too; only "a,b" is no longer the phrase a &lt;-&gt; b.
 *
 * <p>Words that differ but share a stem ("model", "models") are not duplicates here: the search ranks with
 * {@code ts_rank}, whose cost hardly grows with the number of terms, before the costlier ranking and highlighting
 * of a few rows (see {@code PaperService.search}), so 16 such terms cost about what one does.
 */
public final class SearchText {

    /** Most terms (letter-and-digit runs) a query keeps; the rest are ignored. */
    public static final int MAX_TERMS = 16;

    private static final Pattern ITEM = Pattern.compile(
            "(?:(?<=^|\\s)(?<neg>-))?(?:\"(?<phrase>[^\"]*)(?:\"|$)|(?<word>" + wordPattern() + "))");
    private static final Pattern WORD = Pattern.compile(wordPattern());
    private static final Pattern RUN = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");

    private final String query;
    private final int terms;

    private SearchText(String query, int terms) {
        this.query = query;
        this.terms = terms;
    }

    private static String wordPattern() {
        return "[\\p{L}\\p{N}\\p{M}]+(?:[-._'/:@+][\\p{L}\\p{N}\\p{M}]+)*";
    }

    /** The query as it goes to {@code websearch_to_tsquery}; empty when the text holds no word. */
    public String query() {
        return query;
    }

    /** How many terms the query kept (≤ {@link #MAX_TERMS}). */
    public int terms() {
        return terms;
    }

    public boolean isEmpty() {
        return query.isEmpty();
    }

    @Override
    public String toString() {
        return query;
    }

    /**
     * Normalises free text: groups of alternatives ({@code a or b}) are and-ed; a group that repeats an earlier one
     * and an alternative that repeats one of its group are dropped (case-insensitively); then groups and their
     * alternatives are kept in order while the terms fit in {@link #MAX_TERMS}.
     */
    public static SearchText of(String text) {
        Set<Set<String>> seen = new LinkedHashSet<>();
        List<List<String>> groups = new ArrayList<>();
        for (List<String> group : groups(text == null ? "" : text)) {
            Set<String> keys = new LinkedHashSet<>();
            List<String> alternatives = new ArrayList<>();
            for (String item : group) {
                if (keys.add(item.toLowerCase(Locale.ROOT))) {
                    alternatives.add(item);
                }
            }
            if (seen.add(keys)) {
                groups.add(alternatives);
            }
        }
        return capped(groups);
    }

    private static SearchText capped(List<List<String>> groups) {
        List<String> kept = new ArrayList<>();
        int terms = 0;
        for (List<String> group : groups) {
            List<String> alternatives = new ArrayList<>();
            for (String item : group) {
                int cost = runs(item);
                if (terms + cost <= MAX_TERMS) {
                    alternatives.add(item);
                    terms += cost;
                }
            }
            if (!alternatives.isEmpty()) {
                kept.add(String.join(" or ", alternatives));
            }
        }
        return new SearchText(String.join(" ", kept), terms);
    }

    /** The text as groups of alternatives, each item a word or a quoted phrase, "-" in front when excluded. */
    private static List<List<String>> groups(String text) {
        List<List<String>> groups = new ArrayList<>();
        boolean orPending = false;
        Matcher m = ITEM.matcher(text);
        while (m.find()) {
            boolean negated = m.group("neg") != null;
            String item;
            if (m.group("phrase") != null) {
                List<String> words = WORD.matcher(m.group("phrase")).results().map(r -> r.group()).toList();
                if (words.isEmpty()) {
                    continue;
                }
                item = words.size() == 1 ? words.get(0) : "\"" + String.join(" ", words) + "\"";
            } else if (!negated && m.group("word").equalsIgnoreCase("or")) {
                orPending = !groups.isEmpty();
                continue;
            } else {
                item = m.group("word");
            }
            item = negated ? "-" + item : item;
            if (orPending) {
                groups.get(groups.size() - 1).add(item);
            } else {
                groups.add(new ArrayList<>(List.of(item)));
            }
            orPending = false;
        }
        return groups;
    }

    private static int runs(String item) {
        return (int) RUN.matcher(item).results().count();
    }
}
