package dev.readnext.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.readnext.api.ApiException;
import dev.readnext.api.Paging;
import dev.readnext.paper.Paper;
import dev.readnext.paper.PaperService;
import dev.readnext.recommend.StructureSignals.Pair;
import dev.readnext.recommend.StructureSignals.Structure;
import io.micrometer.core.annotation.Timed;
import dev.readnext.recommend.engine.QueryVector;
import dev.readnext.recommend.engine.ScoredDocument;
import dev.readnext.recommend.engine.SharedTerm;
import dev.readnext.recommend.engine.TfIdfIndex;

/**
 * "What to read next": blends TF-IDF similarity with the knowledge base's structure.
 *
 * <pre>
 *   score = cosine + 0.35 · courseNext + 0.25 · pathNext + 0.10 · sharedTopics
 * </pre>
 * where cosine is the exact TF-IDF cosine of the two papers, courseNext / pathNext the closeness of the candidate as
 * a following course reading / learning-path step (1 for the very next one), and sharedTopics the fraction of the
 * paper's topics the candidate shares. A signal is listed in {@code reasons} when it contributed (text from a cosine
 * of 0.05 up); the paper itself, its duplicates and, on request, papers marked read are never returned.
 */
@ApplicationScoped
public class Recommender {

    public static final int MAX_RESULTS = 50;
    static final double COURSE_WEIGHT = 0.35;
    static final double PATH_WEIGHT = 0.25;
    static final double TOPIC_WEIGHT = 0.10;
    static final double SIMILAR_TEXT_THRESHOLD = 0.05;
    static final int SHARED_TERMS = 5;
    /** Rocchio weights of liked and disliked papers. */
    static final double ALPHA = 1.0;
    static final double BETA = 0.75;

    @Inject
    RecommendationIndex index;

    @Inject
    StructureSignals structure;

    @Inject
    PaperService papers;

    /** Recommendations after each paper, aligned with the given papers. */
    @Timed(value = "readnext.recommendations", histogram = true, description = "Time to compute recommendations")
    public List<List<Recommendation>> after(List<Long> paperIds, Integer first, boolean excludeRead) {
        int size = Paging.pageSize(first, 5, MAX_RESULTS);
        TfIdfIndex tfidf = index.require();
        Map<Long, Structure> structures = structure.of(paperIds);
        Set<Long> read = excludeRead ? structure.readPapers() : Set.of();
        List<Candidates> candidates = paperIds.stream()
                .map(id -> candidates(tfidf, id, structures.get(id), read, size)).toList();
        Map<Pair, Double> topics = structure.sharedTopics(candidates.stream()
                .flatMap(c -> c.signals().keySet().stream().map(candidate -> new Pair(c.paperId(), candidate))).toList());
        return withPapers(candidates.stream().map(c -> rank(tfidf, c, topics, size)).toList());
    }

    /** Rocchio: papers like the liked ones and unlike the disliked ones. */
    @Timed(value = "readnext.recommendations", histogram = true, description = "Time to compute recommendations")
    public List<Recommendation> forSet(List<Long> positive, List<Long> negative, Integer first) {
        int size = Paging.pageSize(first, 10, MAX_RESULTS);
        if (positive.isEmpty()) {
            throw ApiException.badInput("positive", "name at least one paper you liked");
        }
        TfIdfIndex tfidf = index.require();
        Set<Long> given = new HashSet<>(positive);
        given.addAll(negative);
        QueryVector query = tfidf.rocchio(longs(positive), longs(negative), ALPHA, BETA);
        List<Scored> hits = tfidf.topK(query, size, given::contains).stream()
                .map(hit -> new Scored(hit.id(), hit.score(), List.of(Reason.SIMILAR_TEXT),
                        terms(tfidf.explain(query, hit.id(), SHARED_TERMS))))
                .toList();
        return withPapers(List.of(hits)).get(0);
    }

    /** The papers the text or the structure suggest after the paper, with their signals so far. */
    private static Candidates candidates(TfIdfIndex tfidf, long id, Structure s, Set<Long> read, int size) {
        Map<Long, EnumMap<Reason, Double>> signals = new HashMap<>();
        if (!tfidf.contains(id)) {
            return new Candidates(id, signals);
        }
        LongPredicate excluded = candidate -> candidate == id || s.duplicates().contains(candidate)
                || read.contains(candidate);
        for (ScoredDocument hit : tfidf.related(id, Math.max(3 * size, 30), excluded)) {
            signal(signals, hit.id(), Reason.SIMILAR_TEXT, hit.score());
        }
        s.courseNext().forEach((candidate, closeness) -> signal(signals, candidate, Reason.COURSE_NEXT, COURSE_WEIGHT * closeness));
        s.pathNext().forEach((candidate, closeness) -> signal(signals, candidate, Reason.PATH_NEXT, PATH_WEIGHT * closeness));
        signals.keySet().removeIf(candidate -> excluded.test(candidate) || !tfidf.contains(candidate));
        return new Candidates(id, signals);
    }

    private static List<Scored> rank(TfIdfIndex tfidf, Candidates c, Map<Pair, Double> sharedTopics, int size) {
        List<Scored> ranked = new ArrayList<>();
        c.signals().forEach((candidate, contributions) -> {
            Double topics = sharedTopics.get(new Pair(c.paperId(), candidate));
            if (topics != null) {
                contributions.put(Reason.SAME_TOPIC, TOPIC_WEIGHT * topics);
            }
            List<SharedTerm> shared = tfidf.explain(c.paperId(), candidate, Integer.MAX_VALUE);
            double cosine = shared.stream().mapToDouble(SharedTerm::contribution).sum();
            contributions.put(Reason.SIMILAR_TEXT, cosine);
            double score = contributions.values().stream().mapToDouble(Double::doubleValue).sum();
            List<Reason> reasons = contributions.entrySet().stream()
                    .filter(e -> e.getKey() != Reason.SIMILAR_TEXT ? e.getValue() > 0 : e.getValue() >= SIMILAR_TEXT_THRESHOLD)
                    .sorted(Map.Entry.<Reason, Double>comparingByValue().reversed())
                    .map(Map.Entry::getKey)
                    .toList();
            if (!reasons.isEmpty()) {
                ranked.add(new Scored(candidate, score, reasons, terms(shared.subList(0, Math.min(SHARED_TERMS, shared.size())))));
            }
        });
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingLong(Scored::paperId));
        return ranked.subList(0, Math.min(size, ranked.size()));
    }

    private static void signal(Map<Long, EnumMap<Reason, Double>> signals, long candidate, Reason reason, double value) {
        signals.computeIfAbsent(candidate, k -> new EnumMap<>(Reason.class)).merge(reason, value, Math::max);
    }

    private List<List<Recommendation>> withPapers(List<List<Scored>> scored) {
        Map<Long, Paper> byId = papers.byId(scored.stream().flatMap(List::stream).map(Scored::paperId).distinct().toList());
        return scored.stream().map(list -> list.stream()
                .filter(s -> byId.containsKey(s.paperId()))
                .map(s -> new Recommendation(byId.get(s.paperId()), s.score(),
                        s.reasons().stream().map(Reason::name).toList(), s.sharedTerms()))
                .toList()).toList();
    }

    private static List<String> terms(List<SharedTerm> shared) {
        return shared.stream().filter(t -> t.contribution() > 0).map(SharedTerm::term).toList();
    }

    private static long[] longs(List<Long> ids) {
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private record Candidates(long paperId, Map<Long, EnumMap<Reason, Double>> signals) {
    }

    private record Scored(long paperId, double score, List<Reason> reasons, List<String> sharedTerms) {
    }
}
