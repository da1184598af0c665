package dev.readnext.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.readnext.api.ApiException;
import dev.readnext.api.Paging;
import dev.readnext.paper.ReadStatus;
import dev.readnext.paper.Paper;
import dev.readnext.paper.PaperService;
import dev.readnext.recommend.Blend.Candidates;
import dev.readnext.recommend.StructureSignals.Facts;
import dev.readnext.recommend.StructureSignals.Group;
import dev.readnext.recommend.StructureSignals.Structure;
import dev.readnext.recommend.embedding.PaperEmbeddings;
import dev.readnext.recommend.engine.HybridHit;
import dev.readnext.recommend.engine.HybridSearch;
import dev.readnext.recommend.engine.Int8Vector;
import dev.readnext.recommend.engine.QueryVector;
import dev.readnext.recommend.engine.SemanticIndex;
import dev.readnext.recommend.engine.TfIdfIndex;
import io.micrometer.core.annotation.Timed;
import io.micrometer.core.aop.MeterTag;

/**
 * "What to read next": the {@link Blend} of text similarity (TF-IDF and sentence embeddings) and the knowledge base's
 * structure after papers, and Rocchio recommendations for a set of liked and disliked papers.
 */
@ApplicationScoped
public class Recommender {

    public static final int MAX_RESULTS = 50;
    /** Rocchio weights of liked and disliked papers. */
    static final double ALPHA = 1.0;
    static final double BETA = 0.75;

    @Inject
    RecommendationIndex index;

    @Inject
    StructureSignals structure;

    @Inject
    PaperService papers;

    @Inject
    PaperEmbeddings embeddings;

    @Inject
    ReadStatus readStatus;

    /** Recommendations after each paper, aligned with the given papers, for the GraphQL field named. */
    @Timed(value = "readnext.recommendations", histogram = true, description = "Time to compute recommendations")
    public List<List<Recommendation>> after(@MeterTag("field") Field field, List<Long> paperIds, Integer first,
            boolean excludeRead) {
        int size = Paging.pageSize(first, 5, MAX_RESULTS);
        Blend blend = blend(index.require());
        Map<Long, Structure> structures = structure.of(paperIds);
        Set<Long> read = excludeRead ? readStatus.readByViewer() : Set.of();
        List<Candidates> candidates = paperIds.stream()
                .map(id -> blend.candidates(id, structures.get(id), read, size)).toList();
        Set<Long> all = new HashSet<>();
        Set<Group> groups = new HashSet<>();
        candidates.forEach(c -> {
            all.addAll(c.ids());
            groups.addAll(c.structure().groups());
        });
        Map<Long, Facts> facts = structure.facts(all, groups);
        return withPapers(candidates.stream().map(c -> blend.rank(c, facts, size)).toList());
    }

    /** Papers about a subject given in words: see {@link Blend#rankAbout}. */
    @Timed(value = "readnext.recommendations", histogram = true, description = "Time to compute recommendations",
            extraTags = { "field", "nextPapers" })
    public Subject about(String text, Integer first, boolean excludeRead) {
        int size = Paging.pageSize(first, 5, MAX_RESULTS);
        TfIdfIndex tfidf = index.require();
        Blend blend = blend(tfidf);
        QueryVector query = tfidf.queryFor(text);
        // words none of which any paper uses are not a subject: no meaning is looked for in them (nor CPU spent)
        Int8Vector meaning = query.isEmpty() ? null : embeddings.embed(text).orElse(null);
        List<Group> topics = structure.topicsNamedIn(text);
        Set<Long> read = excludeRead ? readStatus.readByViewer() : Set.of();
        Map<Long, HybridHit> similarities = blend.candidatesAbout(query, meaning, structure.membersOfSmall(topics),
                read, size);
        List<ScoredPaper> ranked = blend.rankAbout(query, similarities, topics,
                structure.facts(similarities.keySet(), topics), size);
        List<Recommendation> recommendations = withPapers(List.of(ranked)).get(0);
        Interpretation as = recommendations.isEmpty() ? Interpretation.NOTHING
                : topics.isEmpty() ? Interpretation.TEXT : Interpretation.TOPIC;
        return new Subject(as, recommendations);
    }

    /**
     * The GraphQL fields {@link #after} serves, the {@code field} tag of its timer (its {@code toString}): each field's
     * latency is told apart. ({@link #about} serves {@code nextPapers} only, {@link #forSet} {@code recommend}.)
     */
    public enum Field {
        RELATED_PAPERS("relatedPapers"), NEXT_PAPERS("nextPapers"), PAPER_RELATED("Paper.related");

        private final String name;

        Field(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Papers about a subject, and whether the subject was a topic, words, or nothing known. */
    public record Subject(Interpretation interpretedAs, List<Recommendation> recommendations) {
    }

    /** Rocchio: papers like the liked ones and unlike the disliked ones. */
    @Timed(value = "readnext.recommendations", histogram = true, description = "Time to compute recommendations",
            extraTags = { "field", "recommend" })
    public List<Recommendation> forSet(List<Long> positive, List<Long> negative, Integer first) {
        int size = Paging.pageSize(first, 10, MAX_RESULTS);
        if (positive.isEmpty()) {
            throw ApiException.badInput("positive", "name at least one paper you liked");
        }
        TfIdfIndex tfidf = index.require();
        Set<Long> given = new HashSet<>(positive);
        given.addAll(negative);
        QueryVector query = tfidf.rocchio(longs(positive), longs(negative), ALPHA, BETA);
        Optional<SemanticIndex> semantic = embeddings.index();
        Int8Vector meaning = semantic.flatMap(s -> s.rocchio(longs(positive), longs(negative), ALPHA, BETA)).orElse(null);
        HybridSearch search = new HybridSearch(tfidf, semantic.orElse(null), embeddings.weight());
        List<ScoredPaper> hits = search.topK(query, meaning, size, given::contains).stream()
                .map(hit -> ScoredPaper.of(hit.id(), hit.score(), textReasons(hit),
                        hit.tfidf() > 0 ? tfidf.explain(query, hit.id(), Integer.MAX_VALUE) : List.of(),
                        ReasonLine.NONE))
                .filter(scored -> !scored.reasons().isEmpty())
                .toList();
        return withPapers(List.of(hits)).get(0);
    }

    /**
     * MMR trade-off λ of the feed: an entry is picked by {@code λ·relevance − (1 − λ)·(its highest similarity to an
     * entry already picked)}; 1 is plain relevance order, 0 pure novelty. 0.7 keeps the best first while pushing
     * near-duplicates down.
     */
    public static final double MMR_LAMBDA = 0.7;
    /** The feed's candidate pool, a multiple of the entries asked for, among which MMR chooses. */
    static final int POOL_FACTOR = 3;
    /**
     * Two candidates this similar (hybrid TF-IDF/embedding cosine) are near-duplicates: the feed never puts the
     * second after the first, whatever MMR scores.
     */
    public static final double NEAR_DUPLICATE = 0.6;
    /** How many of the reader's most recent papers add the structure signals (a Blend each) to the feed. */
    static final int STRUCTURE_PROFILE = 5;
    private static final Set<Reason> TEXT_REASONS = Set.of(Reason.SIMILAR_TEXT, Reason.SEMANTICALLY_SIMILAR);
    /** How many of the reader's papers an entry names as {@code because}. */
    static final int BECAUSE = 3;

    /**
     * A reader's feed. Relevance of a candidate = the hybrid (TF-IDF and embedding) cosine with the Rocchio centroid of
     * the {@code history} papers, each weighted by {@code weights} (aligned; recent reads weigh more), plus the
     * structure part of the {@link Blend} score after each of the {@link #STRUCTURE_PROFILE} first (most recent)
     * history papers, weighted alike (course and path order, shared sections and topics, follow-ups: what
     * {@code relatedPapers} adds to text). Candidates are the Rocchio top {@link #POOL_FACTOR}× {@code size} and the
     * Blend candidates of those recent papers; every id in {@code exclude} and the history itself is left out. MMR
     * then picks {@code size} of them so no two entries are near-duplicates, and each entry names the history papers
     * it follows from most (similarity plus structure). Empty with no history.
     */
    @Timed(value = "readnext.recommendations", histogram = true, description = "Time to compute recommendations",
            extraTags = { "field", "Reader.feed" })
    public List<Recommendation> forHistory(List<Long> history, double[] weights, Set<Long> exclude, int size) {
        if (history.isEmpty() || size == 0) {
            return List.of();
        }
        TfIdfIndex tfidf = index.require();
        long[] ids = longs(history);
        QueryVector query = tfidf.weightedCentroid(ids, weights);
        Optional<SemanticIndex> semantic = embeddings.index();
        Int8Vector meaning = semantic.flatMap(s -> s.weightedCentroid(ids, weights)).orElse(null);
        double weight = embeddings.weight();
        HybridSearch search = new HybridSearch(tfidf, semantic.orElse(null), weight);
        Set<Long> skip = new HashSet<>(exclude);
        skip.addAll(history);
        List<Long> recent = history.subList(0, Math.min(STRUCTURE_PROFILE, history.size()));
        Map<Long, Structure> structures = structure.of(recent);
        // the recent papers' known duplicates (another record of the same paper) are as good as read
        structures.values().forEach(s -> skip.addAll(s.duplicates()));
        int poolSize = POOL_FACTOR * size;

        // text: the Rocchio pool
        Map<Long, HybridHit> text = new HashMap<>();
        if (!query.isEmpty() || meaning != null) {
            search.topK(query, meaning, poolSize, skip::contains).forEach(hit -> text.put(hit.id(), hit));
        }
        // structure: the Blend after each of the most recent papers, its structure part weighted as the paper is
        double recentWeight = 0;
        for (int i = 0; i < recent.size(); i++) {
            recentWeight += weights[i];
        }
        Blend blend = blend(tfidf);
        List<Candidates> candidates = recent.stream()
                .map(id -> blend.candidates(id, structures.get(id), skip, size)).toList();
        Set<Long> all = new HashSet<>();
        Set<Group> groups = new HashSet<>();
        candidates.forEach(c -> {
            all.addAll(c.ids());
            groups.addAll(c.structure().groups());
        });
        Map<Long, Facts> facts = structure.facts(all, groups);
        Map<Long, Double> structural = new HashMap<>();
        Map<Long, Set<Reason>> structuralReasons = new HashMap<>();
        Map<Long, Map<Long, Double>> structureFrom = new HashMap<>();
        // per candidate, the Blend result of the recent paper whose structure says most for it: its line explains
        Map<Long, ScoredPaper> strongest = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            double share = recentWeight > 0 ? weights[i] / recentWeight : 0;
            long from = recent.get(i);
            for (ScoredPaper scored : blend.rank(candidates.get(i), facts, poolSize)) {
                if (scored.structure() <= 0 || skip.contains(scored.paperId())) {
                    continue;
                }
                structural.merge(scored.paperId(), share * scored.structure(), Double::sum);
                scored.reasons().stream().filter(r -> !TEXT_REASONS.contains(r)).forEach(r -> structuralReasons
                        .computeIfAbsent(scored.paperId(), k -> new LinkedHashSet<>()).add(r));
                structureFrom.computeIfAbsent(scored.paperId(), k -> new HashMap<>()).put(from, scored.structure());
                strongest.merge(scored.paperId(), scored, (a, b) -> a.structure() >= b.structure() ? a : b);
            }
        }
        List<HybridHit> pool = new ArrayList<>();
        Map<Long, HybridHit> similarityToProfile = new HashMap<>();
        Set<Long> candidateIds = new LinkedHashSet<>(text.keySet());
        candidateIds.addAll(structural.keySet());
        for (long id : candidateIds) {
            HybridHit hit = text.containsKey(id) ? text.get(id) : search.score(query, meaning, id);
            if (textReasons(hit).isEmpty() && !structural.containsKey(id)) {
                continue; // nothing to say why: not offered, so MMR picks among explainable candidates only
            }
            similarityToProfile.put(id, hit);
            pool.add(new HybridHit(id, hit.score() + structural.getOrDefault(id, 0.0), hit.tfidf(), hit.semantic()));
        }
        pool.sort(Comparator.comparingDouble(HybridHit::score).reversed()
                .thenComparingLong(HybridHit::id));
        pool = pool.subList(0, Math.min(pool.size(), poolSize));

        Similarity similarity = (a, b) -> similarity(tfidf, semantic, a, b);
        List<HybridHit> picked = mmr(pool, size, similarity);
        Map<Long, List<Long>> because = new HashMap<>();
        List<ScoredPaper> scored = new ArrayList<>();
        for (HybridHit hit : picked) {
            Map<Long, Double> bonus = structureFrom.getOrDefault(hit.id(), Map.of());
            List<Long> from = history.stream()
                    .map(h -> Map.entry(h, similarity.between(hit.id(), h) + bonus.getOrDefault(h, 0.0)))
                    .filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<Long, Double>comparingByValue().reversed())
                    .limit(BECAUSE).map(Map.Entry::getKey).toList();
            HybridHit toProfile = similarityToProfile.get(hit.id());
            List<Reason> reasons = new ArrayList<>(textReasons(toProfile));
            reasons.addAll(structuralReasons.getOrDefault(hit.id(), Set.of()));
            if (from.isEmpty() || reasons.isEmpty()) {
                continue;
            }
            because.put(hit.id(), from);
            List<Reason> textOnly = reasons.stream().filter(TEXT_REASONS::contains).toList();
            ScoredPaper byText = ScoredPaper.of(hit.id(), hit.score(), textOnly,
                    toProfile.tfidf() > 0 ? tfidf.explain(query, hit.id(), Integer.MAX_VALUE) : List.of(),
                    ReasonLine.NONE);
            ScoredPaper byStructure = strongest.get(hit.id());
            // in words: the structure as the strongest recent paper's Blend says it (with its own text reasons)
            scored.add(new ScoredPaper(hit.id(), hit.score(), reasons, byText.sharedTerms(),
                    byStructure == null ? byText.explanation() : byStructure.explanation(), 0));
        }
        Map<Long, Paper> byId = papers.byId(
                Stream.concat(scored.stream().map(ScoredPaper::paperId), history.stream()).distinct().toList());
        return scored.stream().filter(s -> byId.containsKey(s.paperId()))
                .map(s -> new Recommendation(byId.get(s.paperId()), s.score(), s.reasons(), s.sharedTerms(),
                        s.explanation(), because.get(s.paperId()).stream().map(byId::get).filter(p -> p != null)
                                .toList()))
                .filter(r -> !r.because().isEmpty())
                .toList();
    }

    /**
     * How similar two papers are, as the feed's MMR and near-duplicate rule judge it: the hybrid of their TF-IDF and
     * embedding cosines (TF-IDF alone when either has no embedding).
     */
    public double similarity(long a, long b) {
        return similarity(index.require(), embeddings.index(), a, b);
    }

    private double similarity(TfIdfIndex tfidf, Optional<SemanticIndex> semantic, long a, long b) {
        return HybridHit.combine(tfidf.similarity(a, b),
                semantic.map(s -> s.similarity(a, b).orElse(Double.NaN)).orElse(Double.NaN), embeddings.weight());
    }

    /** The similarity of two documents, 0 to 1 (a cosine). */
    @FunctionalInterface
    interface Similarity {
        double between(long a, long b);
    }

    /**
     * Maximal marginal relevance: repeatedly the candidate with the best {@code λ·score − (1 − λ)·max similarity to
     * those picked}, never one that is a {@link #NEAR_DUPLICATE} of one picked; at most {@code size}, in the order
     * picked.
     */
    static List<HybridHit> mmr(List<HybridHit> pool, int size, Similarity similarity) {
        List<HybridHit> left = new ArrayList<>(pool);
        double[] closest = new double[left.size()];
        List<HybridHit> picked = new ArrayList<>();
        while (picked.size() < size && !left.isEmpty()) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < left.size(); i++) {
                if (closest[i] >= NEAR_DUPLICATE) {
                    continue;
                }
                double value = MMR_LAMBDA * left.get(i).score() - (1 - MMR_LAMBDA) * closest[i];
                if (value > bestValue) {
                    bestValue = value;
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            HybridHit chosen = left.remove(best);
            double[] rest = new double[left.size()];
            for (int i = 0, j = 0; i < closest.length; i++) {
                if (i != best) {
                    rest[j] = Math.max(closest[i], similarity.between(left.get(j).id(), chosen.id()));
                    j++;
                }
            }
            closest = rest;
            picked.add(chosen);
        }
        return picked;
    }

    private List<List<Recommendation>> withPapers(List<List<ScoredPaper>> scored) {
        Map<Long, Paper> byId = papers.byId(
                scored.stream().flatMap(List::stream).map(ScoredPaper::paperId).distinct().toList());
        return scored.stream().map(list -> list.stream()
                .filter(s -> byId.containsKey(s.paperId()))
                .map(s -> new Recommendation(byId.get(s.paperId()), s.score(),
                        s.reasons(), s.sharedTerms(), s.explanation()))
                .toList()).toList();
    }

    private Blend blend(TfIdfIndex tfidf) {
        return new Blend(tfidf, embeddings.index().orElse(null), embeddings.weight());
    }

    /** Why a paper like the liked ones is: its words, its meaning, or both. */
    private static List<Reason> textReasons(HybridHit hit) {
        List<Reason> reasons = new ArrayList<>();
        if (hit.tfidf() > 0) {
            reasons.add(Reason.SIMILAR_TEXT);
        }
        if (hit.semantic() >= Blend.SIMILAR_MEANING) {
            reasons.add(Reason.SEMANTICALLY_SIMILAR);
        }
        return reasons;
    }

    private static long[] longs(List<Long> ids) {
        return ids.stream().mapToLong(Long::longValue).toArray();
    }
}
