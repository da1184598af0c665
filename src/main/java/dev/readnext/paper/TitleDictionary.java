package dev.readnext.paper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.readnext.text.TitleKey;
import dev.readnext.text.Urls;

/**
 * What people call each paper, in memory, for {@link PaperResolver}: arXiv ids, URLs, alias keys, title keys and their
 * trigrams (for similar titles), the key of the name before a title's colon, and the initials of the title's words
 * (for acronyms). Filled and kept current by whoever follows the change log (the recommendation structure, which reads
 * the same rows); until then the resolver asks PostgreSQL. Writers take turns; readers never wait.
 */
@ApplicationScoped
public class TitleDictionary {

    /** A paper's names as stored: title, its key, its URL, and its aliases' keys with their sources (same order). */
    public record Names(long id, String title, String titleKey, String arxivId, String url, List<String> aliasKeys,
                        List<PaperAlias.Source> aliasSources) {
    }

    /** A paper an alias key names. */
    record Alias(long paperId, PaperAlias.Source source) {
    }

    /** An acronym's match: where in the title (1-based, as SQL's position) the words it abbreviates start. */
    record AcronymMatch(long paperId, int at, int titleLength) {
    }

    private static final long[] NONE = new long[0];
    private static final Comparator<AcronymMatch> ACRONYM_ORDER = Comparator.comparingInt(AcronymMatch::at)
            .thenComparingInt(AcronymMatch::titleLength).thenComparingLong(AcronymMatch::paperId);

    /** What one paper contributes, kept to take it out again. */
    private record Entry(Names names, String shortName, String initials, int[] wordStarts, String urlKey) {
    }

    private volatile State state;

    private static final class State {
        final Map<Long, Entry> entries = new ConcurrentHashMap<>();
        final Map<String, Alias> aliases = new ConcurrentHashMap<>();
        final Map<String, long[]> titles = new ConcurrentHashMap<>();
        final Map<String, long[]> shortNames = new ConcurrentHashMap<>();
        final Map<String, long[]> arxivIds = new ConcurrentHashMap<>();
        final Map<String, long[]> urls = new ConcurrentHashMap<>();
        final TitleTrigrams trigrams;

        State(TitleTrigrams trigrams) {
            this.trigrams = trigrams;
        }
    }

    public boolean loaded() {
        return state != null;
    }

    /** Replaces everything with these papers' names. */
    public synchronized void replaceAll(Iterable<Names> papers) {
        State fresh = new State(TitleTrigrams.of(papers));
        papers.forEach(names -> add(fresh, names));
        state = fresh;
    }

    /** Puts the paper's current names in place of its old ones; {@code names} null: the paper is gone. */
    public synchronized void replace(long id, Names names) {
        State current = state;
        if (current == null) {
            return;
        }
        Entry old = current.entries.remove(id);
        if (old != null) {
            old.names().aliasKeys().forEach(key -> current.aliases.computeIfPresent(key,
                    (k, alias) -> alias.paperId() == id ? null : alias));
            current.titles.computeIfPresent(old.names().titleKey(), (k, ids) -> without(ids, id));
            if (old.shortName() != null) {
                current.shortNames.computeIfPresent(old.shortName(), (k, ids) -> without(ids, id));
            }
            if (old.names().arxivId() != null) {
                current.arxivIds.computeIfPresent(old.names().arxivId(), (k, ids) -> without(ids, id));
            }
            if (old.urlKey() != null) {
                current.urls.computeIfPresent(old.urlKey(), (k, ids) -> without(ids, id));
            }
            current.trigrams.remove(id);
        }
        if (names != null) {
            add(current, names);
            current.trigrams.add(names);
        }
    }

    List<Alias> byAlias(String key) {
        Alias alias = state.aliases.get(key);
        return alias == null ? List.of() : List.of(alias);
    }

    long[] byArxivId(String arxivId) {
        return state.arxivIds.getOrDefault(arxivId, NONE);
    }

    /** Papers whose URL has this {@link Urls#identityKey}. */
    long[] byUrl(String identityKey) {
        return state.urls.getOrDefault(identityKey, NONE);
    }

    long[] byTitle(String key) {
        return state.titles.getOrDefault(key, NONE);
    }

    /** Papers whose name before the colon has this key. */
    long[] byName(String key) {
        return state.shortNames.getOrDefault(key, NONE);
    }

    /**
     * Papers with consecutive title words whose initials spell the acronym (case aside), by where the words start,
     * then title length, then id; at most {@code limit}.
     */
    List<AcronymMatch> byAcronym(String acronym, int limit) {
        String initials = acronym.toLowerCase();
        List<AcronymMatch> matches = new ArrayList<>();
        for (Map.Entry<Long, Entry> e : state.entries.entrySet()) {
            Entry entry = e.getValue();
            int word = entry.initials().indexOf(initials);
            if (word >= 0) {
                matches.add(new AcronymMatch(e.getKey(), entry.wordStarts()[word] + 1, entry.names().title().length()));
            }
        }
        matches.sort(ACRONYM_ORDER);
        return matches.subList(0, Math.min(limit, matches.size()));
    }

    /** The titles most like the text by trigrams, at least {@code threshold}: see {@link TitleTrigrams#closest}. */
    List<TitleTrigrams.Match> bySimilarTitle(String text, double threshold, int limit) {
        return state.trigrams.closest(text, threshold, limit);
    }

    /** The titles most like the text by trigrams, however far: see {@link TitleTrigrams#closestOfAll}. */
    List<TitleTrigrams.Match> closestTitles(String text, int limit) {
        return state.trigrams.closestOfAll(text, limit);
    }

    private static void add(State state, Names names) {
        String shortName = TitleKey.shortNameOf(names.title());
        StringBuilder initials = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        String title = names.title();
        for (int i = 0; i < title.length(); i++) {
            if (Character.isLetterOrDigit(title.charAt(i)) && (i == 0 || !Character.isLetterOrDigit(title.charAt(i - 1)))) {
                initials.append(Character.toLowerCase(title.charAt(i)));
                starts.add(i);
            }
        }
        String urlKey = names.url() == null ? null : Urls.identityKey(names.url());
        Entry entry = new Entry(names, shortName, initials.toString(), starts.stream().mapToInt(Integer::intValue).toArray(),
                urlKey);
        state.entries.put(names.id(), entry);
        for (int i = 0; i < names.aliasKeys().size(); i++) {
            state.aliases.put(names.aliasKeys().get(i), new Alias(names.id(), names.aliasSources().get(i)));
        }
        state.titles.merge(names.titleKey(), new long[] { names.id() }, (ids, one) -> with(ids, names.id()));
        if (shortName != null) {
            state.shortNames.merge(shortName, new long[] { names.id() }, (ids, one) -> with(ids, names.id()));
        }
        if (names.arxivId() != null) {
            state.arxivIds.merge(names.arxivId(), new long[] { names.id() }, (ids, one) -> with(ids, names.id()));
        }
        if (urlKey != null) {
            state.urls.merge(urlKey, new long[] { names.id() }, (ids, one) -> with(ids, names.id()));
        }
    }

    private static long[] with(long[] ids, long id) {
        if (Arrays.stream(ids).anyMatch(other -> other == id)) {
            return ids;
        }
        long[] grown = Arrays.copyOf(ids, ids.length + 1);
        grown[ids.length] = id;
        return grown;
    }

    private static long[] without(long[] ids, long id) {
        long[] kept = Arrays.stream(ids).filter(other -> other != id).toArray();
        return kept.length == 0 ? null : kept;
    }
}
