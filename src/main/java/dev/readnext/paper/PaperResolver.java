package dev.readnext.paper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.readnext.api.ApiException;
import dev.readnext.api.Paging;
import dev.readnext.text.ArxivIds;
import dev.readnext.text.TitleKey;
import dev.readnext.text.Urls;

/**
 * Works out which paper a person means by free text: "RoPE", "the YaRN paper", "2104.09864", an arXiv or blog URL,
 * or (part of) a title. Scores are calibrated as the chance that the match is the paper meant, so that
 * {@value #CONFIDENT} and above means "this is it" and anything below is a guess to offer as "did you mean":
 * <ul>
 * <li>arXiv id, URL, curated alias 1.0; the title 0.95; a list's variant of the title 0.93; the name before the
 * title's colon ("ZClip") 0.9;
 * <li>an acronym of consecutive title words ("DPO"): 0.85 when they open exactly one title, 0.6 when they open
 * several, 0.5 inside a title;
 * <li>a similar title: 0.9 × trigram similarity of the text to the whole title or to its name before the colon,
 * whichever is closer. Symmetric similarity, because a text contained in a longer title ("attention is all you
 * need" in "TransMLA: Multi-head Latent Attention Is All You Need") does not name that paper.
 * </ul>
 * Everything is looked up in memory ({@link TitleDictionary}) once it is filled, in PostgreSQL before; similar titles
 * by pg_trgm's word similarity either way ({@link TitleTrigrams} in memory, to the same scores and order).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PaperResolver {

    /** Scores from here up name the paper; see the class comment. */
    public static final double CONFIDENT = 0.7;
    static final int MAX_TEXT_LENGTH = 500;
    static final int MAX_MATCHES = 20;
    private static final Pattern FILLER = Pattern.compile("^(the )|( (paper|article|blog|post|method|model))$");
    private static final Pattern URL = Pattern.compile("(?i)https?://\\S+");
    private static final Pattern ACRONYM = Pattern.compile("[A-Za-z][A-Za-z0-9]{1,7}");
    private static final double FUZZY_THRESHOLD = 0.35;
    private static final int ACRONYM_MATCHES = 10;

    @Inject
    EntityManager em;

    @Inject
    TitleDictionary dictionary;

    @Inject
    PaperService papers;

    public List<PaperMatch> resolve(String text, Integer first) {
        int size = Paging.pageSize(first, 5, MAX_MATCHES);
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_TEXT_LENGTH) {
            throw ApiException.badInput("text", "text must have 1 to " + MAX_TEXT_LENGTH + " characters");
        }
        Map<Long, Candidate> best = new LinkedHashMap<>();
        byIdentifier(trimmed).ifPresent(c -> offer(best, c));
        String whole = TitleKey.normalize(trimmed);
        String key = withoutFiller(whole);
        if (!key.isEmpty()) {
            byAlias(key).forEach(c -> offer(best, c));
            byTitle(key).forEach(c -> offer(best, c));
            if (!whole.equals(key)) { // "… Language Model" is a title before "model" is filler
                byAlias(whole).forEach(c -> offer(best, c));
                byTitle(whole).forEach(c -> offer(best, c));
            }
            byName(key).forEach(c -> offer(best, c));
            if (ACRONYM.matcher(trimmed).matches()) {
                byAcronym(trimmed).forEach(c -> offer(best, c));
            }
            // a title named exactly needs no fuzzy neighbours; for a long title PostgreSQL's trigram look-up reads
            // most of the index (up to a second at 75k papers)
            if (best.size() < size && best.values().stream().noneMatch(c -> c.score() >= CONFIDENT)) {
                bySimilarTitle(key).forEach(c -> offer(best, c));
            }
        }
        return matches(best.values().stream()
                .sorted(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::paperId))
                .limit(size)
                .toList());
    }

    private List<PaperMatch> matches(List<Candidate> ranked) {
        Map<Long, Paper> byId = papers.byId(ranked.stream().map(Candidate::paperId).toList());
        return ranked.stream().map(c -> new PaperMatch(byId.get(c.paperId()), c.score(), c.matchedBy())).toList();
    }

    private Optional<Candidate> byIdentifier(String text) {
        Optional<String> arxivId = ArxivIds.find(text);
        if (arxivId.isPresent()) {
            if (dictionary.loaded()) {
                return Arrays.stream(dictionary.byArxivId(arxivId.get())).min()
                        .stream().mapToObj(id -> new Candidate(id, 1.0, MatchKind.ARXIV_ID)).findFirst();
            }
            return Paper.findByArxivId(arxivId.get()).map(p -> new Candidate(p.id, 1.0, MatchKind.ARXIV_ID));
        }
        if (URL.matcher(text).matches()) {
            String identity = Urls.identityKey(text);
            if (dictionary.loaded()) {
                return Arrays.stream(dictionary.byUrl(identity)).min()
                        .stream().mapToObj(id -> new Candidate(id, 1.0, MatchKind.URL)).findFirst();
            }
            // the stored URL holds the path as written: a decoded segment ("%20" → " ") would not be found in it
            List<String> segments = Urls.rawPathSegments(text);
            String narrowing = segments.isEmpty() ? Urls.host(text) : segments.get(segments.size() - 1);
            List<Paper> candidates = Paper.list("locate(?1, url) > 0", narrowing);
            return candidates.stream().filter(p -> Urls.identityKey(p.url).equals(identity)).findFirst()
                    .map(p -> new Candidate(p.id, 1.0, MatchKind.URL));
        }
        return Optional.empty();
    }

    private List<Candidate> byAlias(String key) {
        List<TitleDictionary.Alias> aliases = dictionary.loaded() ? dictionary.byAlias(key)
                : PaperAlias.<PaperAlias>list("aliasKey", key).stream()
                        .map(a -> new TitleDictionary.Alias(a.paperId, a.source)).toList();
        return aliases.stream()
                .map(a -> a.source() == PaperAlias.Source.LIST ? new Candidate(a.paperId(), 0.93, MatchKind.TITLE)
                        : new Candidate(a.paperId(), 1.0, MatchKind.ALIAS))
                .toList();
    }

    private List<Candidate> byTitle(String key) {
        LongStream ids = dictionary.loaded() ? Arrays.stream(dictionary.byTitle(key))
                : Paper.<Paper>list("titleKey", key).stream().mapToLong(p -> p.id);
        return ids.mapToObj(id -> new Candidate(id, 0.95, MatchKind.TITLE)).toList();
    }

    /** "LoRA" names "LoRA: Low-Rank Adaptation of …": the name before the colon. */
    private List<Candidate> byName(String key) {
        LongStream ids = dictionary.loaded() ? Arrays.stream(dictionary.byName(key))
                : Paper.<Paper>list("titleKey like ?1", key + " %").stream()
                        .filter(p -> key.equals(TitleKey.shortNameOf(p.title))).mapToLong(p -> p.id);
        return ids.mapToObj(id -> new Candidate(id, 0.9, MatchKind.NAME)).toList();
    }

    /**
     * "DPO" → "Direct Preference Optimization…", "MoE" → "Mixture of Experts": consecutive title words starting
     * with the acronym's letters; lowercase letters may stand for small words ("of"). Earlier and shorter
     * titles rank first.
     */
    @SuppressWarnings("unchecked")
    private List<Candidate> byAcronym(String acronym) {
        if (dictionary.loaded()) {
            return acronymCandidates(dictionary.byAcronym(acronym, ACRONYM_MATCHES));
        }
        // PostgreSQL ARE: (?i) case-insensitive, \m start of a word; the acronym is alphanumeric (see ACRONYM)
        StringBuilder regex = new StringBuilder("(?i)");
        for (int i = 0; i < acronym.length(); i++) {
            regex.append(i == 0 ? "\\m" : "[^[:alnum:]]+").append(acronym.charAt(i)).append("[[:alnum:]]*");
        }
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, position(substring(title FROM :regex) IN title) AS at, length(title)
                FROM paper WHERE title ~ :regex ORDER BY at, length(title), id LIMIT :limit""")
                .setParameter("regex", regex.toString())
                .setParameter("limit", ACRONYM_MATCHES)
                .getResultList();
        return acronymCandidates(rows.stream().map(r -> new TitleDictionary.AcronymMatch(((Number) r[0]).longValue(),
                ((Number) r[1]).intValue(), ((Number) r[2]).intValue())).toList());
    }

    private static List<Candidate> acronymCandidates(List<TitleDictionary.AcronymMatch> matches) {
        long opening = matches.stream().filter(m -> m.at() == 1).count();
        List<Candidate> candidates = new ArrayList<>();
        for (int rank = 0; rank < matches.size(); rank++) {
            boolean opens = matches.get(rank).at() == 1;
            double score = opens ? (opening == 1 ? 0.85 : 0.6) : 0.5;
            candidates.add(new Candidate(matches.get(rank).paperId(), score - rank * 0.01, MatchKind.ACRONYM));
        }
        return candidates;
    }

    /**
     * Titles whose trigrams come close to the key's: word similarity at least {@value #FUZZY_THRESHOLD}, the closest
     * and then shortest first. In PostgreSQL the {@code <%} operator lets the trigram index find the candidates; it
     * compares with the connection's {@code pg_trgm.word_similarity_threshold}, set below ours in
     * {@code new-connection-sql}.
     */
    @SuppressWarnings("unchecked")
    List<Candidate> bySimilarTitle(String key) {
        if (dictionary.loaded()) {
            return guesses(dictionary.bySimilarTitle(key, FUZZY_THRESHOLD, MAX_MATCHES));
        }
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, greatest(public.similarity(:key, title_key), public.similarity(:key,
                           lower(regexp_replace(split_part(title, ':', 1), '[^[:alnum:]]+', ' ', 'g'))))
                FROM paper
                WHERE :key OPERATOR(public.<%) title_key AND public.word_similarity(:key, title_key) >= :threshold
                ORDER BY public.word_similarity(:key, title_key) DESC, length(title_key), id LIMIT :limit""")
                .setParameter("key", key)
                .setParameter("threshold", FUZZY_THRESHOLD)
                .setParameter("limit", MAX_MATCHES)
                .getResultList();
        return guessesFromRows(rows);
    }

    /**
     * The papers the text may have meant when it names none for sure: the unconfident matches, else the titles
     * that come closest (for "did you mean …?").
     */
    public List<PaperMatch> didYouMean(String text) {
        List<PaperMatch> guesses = resolve(text, 5).stream().filter(m -> m.score() < CONFIDENT).toList();
        if (!guesses.isEmpty()) {
            return guesses;
        }
        String key = withoutFiller(TitleKey.normalize(text.strip()));
        return key.isEmpty() ? List.of() : matches(closestTitles(key));
    }

    /**
     * The five titles closest to the text, however far: in PostgreSQL a scan of every title (on this rare path only),
     * in memory one only when fewer than five share a trigram with the text.
     */
    @SuppressWarnings("unchecked")
    List<Candidate> closestTitles(String key) {
        if (dictionary.loaded()) {
            return guesses(dictionary.closestTitles(key, 5));
        }
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, greatest(public.similarity(:key, title_key), public.similarity(:key,
                           lower(regexp_replace(split_part(title, ':', 1), '[^[:alnum:]]+', ' ', 'g'))))
                FROM paper ORDER BY public.word_similarity(:key, title_key) DESC, length(title), id LIMIT 5""")
                .setParameter("key", key)
                .getResultList();
        return guessesFromRows(rows);
    }

    private static List<Candidate> guesses(List<TitleTrigrams.Match> matches) {
        return matches.stream().map(m -> guess(m.paperId(), m.similarity())).toList();
    }

    /** Rows of (id, similarity). */
    private static List<Candidate> guessesFromRows(List<Object[]> rows) {
        return rows.stream().map(r -> guess(((Number) r[0]).longValue(), ((Number) r[1]).doubleValue())).toList();
    }

    private static Candidate guess(long paperId, double similarity) {
        return new Candidate(paperId, 0.9 * similarity, MatchKind.FUZZY_TITLE);
    }

    private static String withoutFiller(String key) {
        String previous;
        String current = key;
        do {
            previous = current;
            current = FILLER.matcher(current).replaceAll("").strip();
        } while (!current.equals(previous) && !current.isEmpty());
        return current.isEmpty() ? key : current;
    }

    private static void offer(Map<Long, Candidate> best, Candidate candidate) {
        best.merge(candidate.paperId(), candidate, (a, b) -> a.score() >= b.score() ? a : b);
    }

    record Candidate(long paperId, double score, MatchKind matchedBy) {
    }
}
