package dev.readnext.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;

import dev.readnext.recommend.StructureSignals.Structure;
import dev.readnext.recommend.engine.SharedTerm;
import dev.readnext.recommend.engine.TfIdfIndex;

/**
 * What to read after one paper: TF-IDF similarity blended with the knowledge base's structure, given as data.
 *
 * <pre>
 *   score = cosine + 0.35 · courseNext + 0.25 · pathNext + 0.10 · sharedTopics
 * </pre>
 * where cosine is the exact TF-IDF cosine of the two papers, courseNext / pathNext the closeness of the candidate as
 * a following course reading / learning-path step (1 for the very next one), and sharedTopics the fraction of the
 * paper's topics the candidate shares. A signal is listed in {@code reasons} when it contributed (text from a cosine
 * of 0.05 up), largest contribution first; a candidate with no reason is dropped. The paper itself, its duplicates,
 * the papers given as read and papers outside the index are never returned.
 *
 * <p>Two steps, so that a caller can look up the shared topics of many papers' candidates at once:
 * {@link #candidates} finds the papers the text or the structure suggest, {@link #rank} scores and orders them.
 */
final class Blend {

    static final double COURSE_WEIGHT = 0.35;
    static final double PATH_WEIGHT = 0.25;
    static final double TOPIC_WEIGHT = 0.10;
    static final double SIMILAR_TEXT_THRESHOLD = 0.05;
    /** Text neighbours to consider: at least this many, and three per recommendation asked for. */
    private static final int MIN_TEXT_CANDIDATES = 30;

    /** By score descending, then paper id ascending. */
    private static final Comparator<ScoredPaper> BEST_FIRST =
            Comparator.comparingDouble(ScoredPaper::score).reversed().thenComparingLong(ScoredPaper::paperId);

    private final TfIdfIndex index;

    Blend(TfIdfIndex index) {
        this.index = index;
    }

    /** The papers to score after {@code paperId}; none when the paper is not indexed. */
    record Candidates(long paperId, Structure structure, Set<Long> ids) {
    }

    /**
     * The paper's nearest text neighbours and the following papers of its structure, less the paper itself, its
     * duplicates, the {@code read} papers and papers outside the index.
     */
    Candidates candidates(long paperId, Structure structure, Set<Long> read, int size) {
        Set<Long> ids = new HashSet<>();
        if (index.contains(paperId)) {
            LongPredicate excluded = candidate -> candidate == paperId || structure.duplicates().contains(candidate)
                    || read.contains(candidate);
            index.related(paperId, Math.max(3 * size, MIN_TEXT_CANDIDATES), excluded).forEach(hit -> ids.add(hit.id()));
            ids.addAll(structure.courseNext().keySet());
            ids.addAll(structure.pathNext().keySet());
            ids.removeIf(candidate -> excluded.test(candidate) || !index.contains(candidate));
        }
        return new Candidates(paperId, structure, ids);
    }

    /**
     * The best {@code size} candidates, best first (by score descending, then paper id ascending).
     *
     * @param sharedTopics candidate → fraction of the paper's topics it shares (absent: none)
     */
    List<ScoredPaper> rank(Candidates candidates, Map<Long, Double> sharedTopics, int size) {
        List<ScoredPaper> ranked = new ArrayList<>();
        for (long candidate : candidates.ids()) {
            score(candidates.paperId(), candidates.structure(), candidate, sharedTopics.get(candidate))
                    .ifPresent(ranked::add);
        }
        ranked.sort(BEST_FIRST);
        return ranked.subList(0, Math.min(size, ranked.size()));
    }

    /** The candidate's blended score and reasons; empty when no signal counts as a reason. */
    private Optional<ScoredPaper> score(long paperId, Structure structure, long candidate, Double sharedTopics) {
        List<SharedTerm> shared = index.explain(paperId, candidate, Integer.MAX_VALUE);
        EnumMap<Reason, Double> contributions = new EnumMap<>(Reason.class);
        contribute(contributions, Reason.COURSE_NEXT, COURSE_WEIGHT, structure.courseNext().get(candidate));
        contribute(contributions, Reason.PATH_NEXT, PATH_WEIGHT, structure.pathNext().get(candidate));
        contributions.put(Reason.SIMILAR_TEXT, shared.stream().mapToDouble(SharedTerm::contribution).sum());
        contribute(contributions, Reason.SAME_TOPIC, TOPIC_WEIGHT, sharedTopics);
        double score = contributions.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Reason> reasons = contributions.entrySet().stream()
                .filter(e -> e.getKey() != Reason.SIMILAR_TEXT ? e.getValue() > 0 : e.getValue() >= SIMILAR_TEXT_THRESHOLD)
                .sorted(Map.Entry.<Reason, Double>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .toList();
        return reasons.isEmpty() ? Optional.empty() : Optional.of(ScoredPaper.of(candidate, score, reasons, shared));
    }

    private static void contribute(Map<Reason, Double> contributions, Reason reason, double weight, Double signal) {
        if (signal != null) {
            contributions.put(reason, weight * signal);
        }
    }
}
