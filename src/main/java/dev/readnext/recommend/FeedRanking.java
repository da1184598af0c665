package dev.readnext.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.annotation.Timed;

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

/**
 * A reader's "for you" feed, ranked from their history (issue 17). Relevance of a candidate = the hybrid (TF-IDF and
 * embedding) cosine with the Rocchio centroid of the history papers, each weighted (recent reads weigh more), plus
 * the structure part of the {@link Blend} score after each of the {@link #STRUCTURE_PROFILE} most recent history
 * papers, weighted alike (course and path order, shared sections and topics, follow-ups: what {@code relatedPapers}
 * adds to text). Candidates are the Rocchio top {@link #POOL_FACTOR}× the size asked and the Blend candidates of
 * those recent papers, only those with a reason to give; MMR then picks among them so that no two entries are
 * near-duplicates, and each entry names the history papers it follows from most (similarity plus structure).
 */
@ApplicationScoped
public class FeedRanking {

    /**
     * MMR trade-off λ: an entry is picked by {@code λ·relevance − (1 − λ)·(its highest similarity to an entry already
     * picked)}; 1 is plain relevance order, 0 pure novelty. 0.7 keeps the best first while pushing near-duplicates
     * down.
     */
    public static final double MMR_LAMBDA = 0.7;
    /**
     * Two candidates this similar (hybrid TF-IDF/embedding cosine) are near-duplicates: the feed never puts the
     * second after the first, whatever MMR scores.
     */
    public static final double NEAR_DUPLICATE = 0.6;
    /** The candidate pool, a multiple of the entries asked for, among which MMR chooses. */
    static final int POOL_FACTOR = 3;
    /** How many of the reader's most recent papers add the structure signals (a Blend each). */
    static final int STRUCTURE_PROFILE = 5;
    /** How many of the reader's papers an entry names as {@code because}. */
    static final int BECAUSE = 3;
    private static final Set<Reason> TEXT_REASONS = Set.of(Reason.SIMILAR_TEXT, Reason.SEMANTICALLY_SIMILAR);

    @Inject
    RecommendationIndex index;

    @Inject
    StructureSignals structure;

    @Inject
    PaperService papers;

    @Inject
    PaperEmbeddings embeddings;

    /**
     * The feed of a reader whose papers are {@code history} (most recent first) with {@code weights} (aligned): at
     * most {@code size} entries, none in {@code exclude}, in the history, or a known duplicate of a recent paper.
     * Empty with no history.
     */
    @Timed(value = "readnext.recommendations", histogram = true, description = "Time to compute recommendations",
            extraTags = { "field", "Reader.feed" })
    public List<Recommendation> forHistory(List<Long> history, double[] weights, Set<Long> exclude, int size) {
        if (history.isEmpty() || size == 0) {
            return List.of();
        }
        Profile profile = profile(history, weights);
        Set<Long> skip = new HashSet<>(exclude);
        skip.addAll(history);
        List<Long> recent = history.subList(0, Math.min(STRUCTURE_PROFILE, history.size()));
        Map<Long, Structure> structures = structure.of(recent);
        // the recent papers' known duplicates (another record of the same paper) are as good as read
        structures.values().forEach(s -> skip.addAll(s.duplicates()));
        int poolSize = POOL_FACTOR * size;

        Map<Long, HybridHit> text = profile.nearest(poolSize, skip);
        StructurePart structural = structurePart(profile, recent, structures, skip, size, poolSize);
        Pool pool = explainablePool(profile, text, structural, poolSize);
        List<HybridHit> picked = mmr(pool.ranked(), size, profile::similarity);
        return recommendations(profile, picked, pool.toProfile(), structural);
    }

    /**
     * How similar two papers are, as MMR and the near-duplicate rule judge it: the hybrid of their TF-IDF and embedding
     * cosines (TF-IDF alone when either has no embedding).
     */
    public double similarity(long a, long b) {
        return similarity(index.require(), embeddings.index(), embeddings.weight(), a, b);
    }

    private static double similarity(TfIdfIndex tfidf, Optional<SemanticIndex> semantic, double weight, long a,
            long b) {
        return HybridHit.combine(tfidf.similarity(a, b),
                semantic.map(s -> s.similarity(a, b).orElse(Double.NaN)).orElse(Double.NaN), weight);
    }

    /** The similarity of two documents, 0 to 1 (a cosine). */
    @FunctionalInterface
    interface Similarity {
        double between(long a, long b);
    }

    /** {@link #mmr(List, int, Similarity, double, double)} with the feed's λ and near-duplicate cut. */
    static List<HybridHit> mmr(List<HybridHit> pool, int size, Similarity similarity) {
        return mmr(pool, size, similarity, MMR_LAMBDA, NEAR_DUPLICATE);
    }

    /**
     * Maximal marginal relevance: repeatedly the candidate with the best {@code λ·score − (1 − λ)·max similarity to
     * those picked}, never one at least {@code nearDuplicate} similar to one picked; at most {@code size}, in the
     * order picked.
     */
    static List<HybridHit> mmr(List<HybridHit> pool, int size, Similarity similarity, double lambda,
            double nearDuplicate) {
        List<HybridHit> left = new ArrayList<>(pool);
        double[] closest = new double[left.size()];
        List<HybridHit> picked = new ArrayList<>();
        while (picked.size() < size && !left.isEmpty()) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < left.size(); i++) {
                if (closest[i] >= nearDuplicate) {
                    continue;
                }
                double value = lambda * left.get(i).score() - (1 - lambda) * closest[i];
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

    /** The history as one weighted query, in words (TF-IDF) and in meaning (embeddings, when there are any). */
    private record Profile(List<Long> history, double[] weights, TfIdfIndex tfidf, Optional<SemanticIndex> semantic,
            double weight, QueryVector query, Int8Vector meaning, HybridSearch search) {

        /** The nearest papers to the profile, not skipped, by hybrid cosine. */
        Map<Long, HybridHit> nearest(int k, Set<Long> skip) {
            Map<Long, HybridHit> hits = new HashMap<>();
            if (!query.isEmpty() || meaning != null) {
                search.topK(query, meaning, k, skip::contains).forEach(hit -> hits.put(hit.id(), hit));
            }
            return hits;
        }

        HybridHit toProfile(long id) {
            return search.score(query, meaning, id);
        }

        double similarity(long a, long b) {
            return FeedRanking.similarity(tfidf, semantic, weight, a, b);
        }
    }

    private Profile profile(List<Long> history, double[] weights) {
        TfIdfIndex tfidf = index.require();
        long[] ids = history.stream().mapToLong(Long::longValue).toArray();
        Optional<SemanticIndex> semantic = embeddings.index();
        double weight = embeddings.weight();
        QueryVector query = tfidf.weightedCentroid(ids, weights);
        Int8Vector meaning = semantic.flatMap(s -> s.weightedCentroid(ids, weights)).orElse(null);
        return new Profile(history, weights, tfidf, semantic, weight, query, meaning,
                new HybridSearch(tfidf, semantic.orElse(null), weight));
    }

    /**
     * What the structure says after the recent papers: per candidate, the structure part of each recent paper's Blend
     * score weighted by that paper's share of the recent weight, its structural reasons, how much each recent paper
     * contributed, and the Blend result that says most (whose reason line explains the entry).
     */
    private record StructurePart(Map<Long, Double> scores, Map<Long, Set<Reason>> reasons,
            Map<Long, Map<Long, Double>> from, Map<Long, ScoredPaper> strongest) {
    }

    private StructurePart structurePart(Profile profile, List<Long> recent, Map<Long, Structure> structures,
            Set<Long> skip, int size, int poolSize) {
        double[] weights = profile.weights();
        double recentWeight = 0;
        for (int i = 0; i < recent.size(); i++) {
            recentWeight += weights[i];
        }
        Blend blend = new Blend(profile.tfidf(), profile.semantic().orElse(null), profile.weight());
        List<Candidates> candidates = recent.stream()
                .map(id -> blend.candidates(id, structures.get(id), skip, size)).toList();
        Set<Long> all = new HashSet<>();
        Set<Group> groups = new HashSet<>();
        candidates.forEach(c -> {
            all.addAll(c.ids());
            groups.addAll(c.structure().groups());
        });
        Map<Long, Facts> facts = structure.facts(all, groups);
        StructurePart part = new StructurePart(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
        for (int i = 0; i < candidates.size(); i++) {
            double share = recentWeight > 0 ? weights[i] / recentWeight : 0;
            long from = recent.get(i);
            for (ScoredPaper scored : blend.rank(candidates.get(i), facts, poolSize)) {
                if (scored.structure() <= 0 || skip.contains(scored.paperId())) {
                    continue;
                }
                long id = scored.paperId();
                part.scores().merge(id, share * scored.structure(), Double::sum);
                scored.reasons().stream().filter(r -> !TEXT_REASONS.contains(r))
                        .forEach(r -> part.reasons().computeIfAbsent(id, k -> new LinkedHashSet<>()).add(r));
                part.from().computeIfAbsent(id, k -> new HashMap<>()).put(from, scored.structure());
                part.strongest().merge(id, scored, (a, b) -> a.structure() >= b.structure() ? a : b);
            }
        }
        return part;
    }

    /** The candidates MMR picks from, best first, and each one's similarity to the profile. */
    private record Pool(List<HybridHit> ranked, Map<Long, HybridHit> toProfile) {
    }

    /**
     * The candidates with a reason to give (similar text or meaning, or structure), scored by similarity to the
     * profile plus structure, best first, at most {@code poolSize}: MMR picks among explainable candidates only.
     */
    private static Pool explainablePool(Profile profile, Map<Long, HybridHit> text, StructurePart structural,
            int poolSize) {
        Set<Long> ids = new LinkedHashSet<>(text.keySet());
        ids.addAll(structural.scores().keySet());
        List<HybridHit> ranked = new ArrayList<>();
        Map<Long, HybridHit> toProfile = new HashMap<>();
        for (long id : ids) {
            HybridHit hit = text.containsKey(id) ? text.get(id) : profile.toProfile(id);
            if (Recommender.textReasons(hit).isEmpty() && !structural.scores().containsKey(id)) {
                continue;
            }
            toProfile.put(id, hit);
            ranked.add(new HybridHit(id, hit.score() + structural.scores().getOrDefault(id, 0.0), hit.tfidf(),
                    hit.semantic()));
        }
        ranked.sort(Comparator.comparingDouble(HybridHit::score).reversed().thenComparingLong(HybridHit::id));
        return new Pool(ranked.subList(0, Math.min(ranked.size(), poolSize)), toProfile);
    }

    /** The picked entries with their reasons, reason line and the history papers they follow from most. */
    private List<Recommendation> recommendations(Profile profile, List<HybridHit> picked,
            Map<Long, HybridHit> similarityToProfile, StructurePart structural) {
        Map<Long, List<Long>> because = new HashMap<>();
        List<ScoredPaper> scored = new ArrayList<>();
        for (HybridHit hit : picked) {
            List<Long> from = because(profile, hit.id(), structural.from().getOrDefault(hit.id(), Map.of()));
            HybridHit toProfile = similarityToProfile.get(hit.id());
            List<Reason> reasons = new ArrayList<>(Recommender.textReasons(toProfile));
            reasons.addAll(structural.reasons().getOrDefault(hit.id(), Set.of()));
            if (from.isEmpty() || reasons.isEmpty()) {
                continue;
            }
            because.put(hit.id(), from);
            List<Reason> textOnly = reasons.stream().filter(TEXT_REASONS::contains).toList();
            ScoredPaper byText = ScoredPaper.of(hit.id(), hit.score(), textOnly, toProfile.tfidf() > 0
                    ? profile.tfidf().explain(profile.query(), hit.id(), Integer.MAX_VALUE) : List.of(),
                    ReasonLine.NONE);
            ScoredPaper byStructure = structural.strongest().get(hit.id());
            // in words: the structure as the strongest recent paper's Blend says it (with its own text reasons)
            scored.add(new ScoredPaper(hit.id(), hit.score(), reasons, byText.sharedTerms(),
                    byStructure == null ? byText.explanation() : byStructure.explanation(), 0));
        }
        Map<Long, Paper> byId = papers.byId(Stream.concat(scored.stream().map(ScoredPaper::paperId),
                profile.history().stream()).distinct().toList());
        return scored.stream().filter(s -> byId.containsKey(s.paperId()))
                .map(s -> new Recommendation(byId.get(s.paperId()), s.score(), s.reasons(), s.sharedTerms(),
                        s.explanation(), because.get(s.paperId()).stream().map(byId::get).filter(Objects::nonNull)
                                .toList()))
                .filter(r -> !r.because().isEmpty())
                .toList();
    }

    /** The history papers an entry follows from most: similarity plus what each one's structure said for it. */
    private static List<Long> because(Profile profile, long id, Map<Long, Double> structureFrom) {
        return profile.history().stream()
                .map(h -> Map.entry(h, profile.similarity(id, h) + structureFrom.getOrDefault(h, 0.0)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<Long, Double>comparingByValue().reversed())
                .limit(BECAUSE).map(Map.Entry::getKey).toList();
    }
}
