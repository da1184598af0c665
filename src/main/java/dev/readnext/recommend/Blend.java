package dev.readnext.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;

import dev.readnext.recommend.StructureSignals.Facts;
import dev.readnext.recommend.StructureSignals.Group;
import dev.readnext.recommend.StructureSignals.GroupKind;
import dev.readnext.recommend.StructureSignals.Next;
import dev.readnext.recommend.StructureSignals.Structure;
import dev.readnext.recommend.engine.HybridHit;
import dev.readnext.recommend.engine.HybridSearch;
import dev.readnext.recommend.engine.Int8Vector;
import dev.readnext.recommend.engine.QueryVector;
import dev.readnext.recommend.engine.SemanticIndex;
import dev.readnext.recommend.engine.SharedTerm;
import dev.readnext.recommend.engine.TfIdfIndex;

/**
 * What to read after one paper: text similarity (TF-IDF and, when both papers are embedded, sentence embeddings)
 * blended with the structure curators gave the knowledge base.
 *
 * <pre>
 *   score     = text + 0.5 · structure + onSubject · (max(0.2 · courseNext, 0.15 · pathNext) + 0.1 · followUp)
 *   text      = (1 − w) · trust · cosine + (1 − (1 − w) · trust) · meaning   when both papers are embedded
 *             = trust · cosine                                             otherwise   (w = semantic weight)
 *   trust     = terms / (terms + 5)                  terms: of the paper's text with a weight (2 for "Switch Transformers")
 *   meaning   = cosine of the two papers' sentence embeddings
 *   structure = 1 − Π over sources (1 − specificity of the most specific group the two share in that source)
 *   specificity(group) = ln(N / size) / ln N          N = papers in the index: 0.9 for a pair of 1,000, 0 for all
 *   onSubject = cosine ≥ 0.10, or meaning ≥ 0.50, or a shared section, or a shared topic of specificity ≥ 0.5
 *               (about √N papers)
 *   followUp  = 1 when the candidate names the paper ("RoPE" in LongRoPE), ½ when it is newer, else 0
 * </pre>
 * A short text is weak evidence: two papers sharing "Transformers" out of a two-word title may share nothing else, so
 * text similarity counts in proportion to how much text the paper has (about a half for a bare title, nearly all of
 * it for an abstract). What TF-IDF is not trusted with goes to the embedding, which knows words the paper does not
 * use: a bare title leans on its meaning, an abstract is weighed (1 − w) : w. Among text neighbours alone the order is
 * that of this text score.
 * Sources are the reading lists (their sections), the courses (their sessions) and the topics, so two curators who
 * put two papers together count more than one, and a section of 8 papers more than a topic of 140. Course order
 * and path order count only on the paper's subject (the next session of a course often changes subject), and once:
 * a path is often a course's order again.
 * Candidates are the paper's nearest text neighbours by hybrid similarity ({@link HybridSearch}), the members of
 * its groups of up to {@value StructureSignals#CANDIDATE_GROUP_SIZE} papers, and its next course readings and path steps; a candidate
 * is kept when its text is similar (cosine from 0.05), its meaning is (embedding cosine from 0.35) or it is on the
 * subject. The paper itself, its duplicates,
 * the papers given as read and papers outside the index are never returned.
 *
 * <p>Two steps, so that a caller can look up the candidates' groups and years for many papers at once:
 * {@link #candidates} finds the papers to score, {@link #rank} scores and orders them.
 */
final class Blend {

    static final double STRUCTURE_WEIGHT = 0.5;
    static final double COURSE_WEIGHT = 0.2;
    static final double PATH_WEIGHT = 0.15;
    static final double FOLLOW_UP_WEIGHT = 0.1;
    static final double SIMILAR_TEXT_THRESHOLD = 0.05;
    static final double SUBJECT_TEXT = 0.10;
    /**
     * Embedding cosine from which two papers count as similar in meaning: closer than nine random pairs of seed papers
     * in ten (p90 0.35; of arXiv abstracts, whose cosines run higher, p90 0.45). README "Semantic similarity".
     */
    static final double SIMILAR_MEANING = 0.35;
    /**
     * Embedding cosine from which two papers count as on one subject: between p90 (0.45) and p99 (0.57) of random arXiv
     * pairs; stricter than text (0.10), because embeddings alone drift to papers of a neighbouring field.
     */
    static final double SUBJECT_MEANING = 0.50;
    static final double SUBJECT_TOPIC = 0.5;
    /** Terms of text that make the text count for half (see {@code trust} in the formula). */
    static final int TEXT_PRIOR_TERMS = 5;
    /** Text neighbours to consider: at least this many, and three per recommendation asked for. */
    private static final int MIN_TEXT_CANDIDATES = 30;
    /** A name worth looking for in other papers' text: "RoPE", "DPO", "GPT-3", "H2O"; not "Attention". */
    private static final Pattern DISTINCTIVE_NAME = Pattern.compile("\\S*(\\p{Lu}\\S*\\p{Lu}|\\d)\\S*");

    /** By score descending, then paper id ascending. */
    private static final Comparator<ScoredPaper> BEST_FIRST =
            Comparator.comparingDouble(ScoredPaper::score).reversed().thenComparingLong(ScoredPaper::paperId);

    private final TfIdfIndex index;
    private final SemanticIndex semantic;
    private final HybridSearch search;

    /** TF-IDF alone. */
    Blend(TfIdfIndex index) {
        this(index, null, 0);
    }

    /** @param semantic the papers' embeddings, or null for TF-IDF alone; {@code weight} is their share w */
    Blend(TfIdfIndex index, SemanticIndex semantic, double weight) {
        this.index = index;
        this.semantic = semantic;
        this.search = new HybridSearch(index, semantic, weight);
    }

    /** The papers to score after {@code paperId}, with their text similarity known; none when it is not indexed. */
    record Candidates(long paperId, Structure structure, Map<Long, HybridHit> similarities, double textTrust) {

        Set<Long> ids() {
            return similarities.keySet();
        }
    }

    Candidates candidates(long paperId, Structure structure, Set<Long> read, int size) {
        Map<Long, HybridHit> similarities = new HashMap<>();
        Optional<QueryVector> text = index.vectorOf(paperId);
        int terms = text.map(QueryVector::size).orElse(0);
        if (text.isPresent()) {
            Int8Vector meaning = semantic == null ? null : semantic.vectorOf(paperId).orElse(null);
            LongPredicate excluded = candidate -> candidate == paperId || structure.duplicates().contains(candidate)
                    || read.contains(candidate) || !index.contains(candidate);
            for (HybridHit hit : search.related(paperId, text.get(), meaning, Math.max(3 * size, MIN_TEXT_CANDIDATES),
                    excluded)) {
                similarities.put(hit.id(), hit);
            }
            Set<Long> others = new HashSet<>(structure.courseNext().keySet());
            others.addAll(structure.pathNext().keySet());
            structure.members().values().forEach(others::addAll);
            others.removeIf(excluded::test);
            others.forEach(candidate -> similarities.computeIfAbsent(candidate,
                    c -> search.score(text.get(), meaning, c)));
        }
        return new Candidates(paperId, structure, similarities, terms / (double) (terms + TEXT_PRIOR_TERMS));
    }

    /** The best {@code size} candidates, best first (by score descending, then paper id ascending). */
    List<ScoredPaper> rank(Candidates candidates, Map<Long, Facts> facts, int size) {
        Structure structure = candidates.structure();
        List<QueryVector> names = structure.names().stream()
                .filter(name -> DISTINCTIVE_NAME.matcher(name).matches())
                .map(index::queryFor)
                .filter(vector -> !vector.isEmpty())
                .toList();
        int documents = Math.max(2, index.documents());
        List<ScoredPaper> ranked = new ArrayList<>();
        candidates.similarities().forEach((candidate, similarity) -> score(candidates, candidate, similarity,
                facts.getOrDefault(candidate, Facts.NONE), names, documents).ifPresent(ranked::add));
        ranked.sort(BEST_FIRST);
        return ranked.subList(0, Math.min(size, ranked.size()));
    }

    /**
     * The papers nearest to a subject given in words ({@code query}, and {@code meaning}, its embedding or null), and
     * the members of the topics it names, each with its text similarity.
     */
    Map<Long, HybridHit> candidatesAbout(QueryVector query, Int8Vector meaning, Map<String, Set<Long>> topicMembers,
            Set<Long> read, int size) {
        Map<Long, HybridHit> similarities = new HashMap<>();
        search.topK(query, meaning, Math.max(3 * size, MIN_TEXT_CANDIDATES), read::contains)
                .forEach(hit -> similarities.put(hit.id(), hit));
        topicMembers.values().forEach(members -> members.stream()
                .filter(id -> !read.contains(id) && index.contains(id))
                .forEach(id -> similarities.computeIfAbsent(id, k -> search.score(query, meaning, k))));
        return similarities;
    }

    /**
     * Papers about a subject given in words, best {@code size} first:
     * {@code score = similarity(text, paper) + 0.5 · specificity of the most specific named topic holding it}, the
     * similarity being the hybrid one ({@link HybridHit#combine}).
     *
     * @param similarities candidates ({@link #candidatesAbout}) → text similarity
     * @param topics       the topics the text names
     */
    List<ScoredPaper> rankAbout(QueryVector query, Map<Long, HybridHit> similarities, List<Group> topics,
            Map<Long, Facts> facts, int size) {
        int documents = Math.max(2, index.documents());
        List<ScoredPaper> ranked = new ArrayList<>();
        similarities.forEach((id, similarity) -> {
            Group topic = topics.stream().filter(t -> facts.getOrDefault(id, Facts.NONE).groups().contains(t.key()))
                    .min(Comparator.comparingInt(Group::size)).orElse(null);
            List<Reason> reasons = new ArrayList<>();
            if (similarity.tfidf() > 0) {
                reasons.add(Reason.MATCHES_TEXT);
            }
            if (similarity.semantic() >= SIMILAR_MEANING) {
                reasons.add(Reason.SEMANTICALLY_SIMILAR);
            }
            if (topic != null) {
                reasons.add(Reason.IN_TOPIC);
            }
            if (!reasons.isEmpty()) {
                double inTopic = topic == null ? 0 : specificity(topic.size(), documents);
                ranked.add(ScoredPaper.of(id, similarity.score() + STRUCTURE_WEIGHT * inTopic, reasons,
                        similarity.tfidf() > 0 ? index.explain(query, id, Integer.MAX_VALUE) : List.of(),
                        ReasonLine.about(topic == null ? null : topic.label())));
            }
        });
        ranked.sort(BEST_FIRST);
        return ranked.subList(0, Math.min(size, ranked.size()));
    }

    static double specificity(int groupSize, int documents) {
        if (groupSize < 2) {
            return 0;
        }
        int n = Math.max(documents, groupSize);
        return Math.log((double) n / groupSize) / Math.log(n);
    }

    private Optional<ScoredPaper> score(Candidates candidates, long candidate, HybridHit similarity, Facts facts,
            List<QueryVector> names, int documents) {
        long paperId = candidates.paperId();
        Structure structure = candidates.structure();
        double cosine = similarity.tfidf();
        double meaning = similarity.semantic();
        double textShare = similarity.hasSemantic() ? (1 - search.weight()) * candidates.textTrust()
                : candidates.textTrust();
        double words = textShare * cosine;
        double sense = similarity.hasSemantic() ? (1 - textShare) * meaning : 0;
        double text = words + sense;
        Shared shared = Shared.of(structure, candidate, facts, documents);
        Group bestSection = shared.section();
        Group bestTopic = shared.topic();
        double structural = shared.structure();
        boolean onSubject = cosine >= SUBJECT_TEXT || meaning >= SUBJECT_MEANING || bestSection != null
                || bestTopic != null && specificity(bestTopic.size(), documents) >= SUBJECT_TOPIC;
        Next course = onSubject ? structure.courseNext().get(candidate) : null;
        Next path = onSubject ? structure.pathNext().get(candidate) : null;
        boolean namesIt = names.stream().anyMatch(name -> mentions(candidate, name));
        Integer year = facts.year();
        boolean newer = onSubject && year != null && structure.year() != null && year > structure.year();
        boolean older = onSubject && year != null && structure.year() != null && year < structure.year();
        double followUp = namesIt ? 1 : newer ? 0.5 : 0;

        EnumMap<Reason, Double> contributions = new EnumMap<>(Reason.class);
        if (cosine >= SIMILAR_TEXT_THRESHOLD) {
            contributions.put(Reason.SIMILAR_TEXT, words);
        }
        if (meaning >= SIMILAR_MEANING) {
            contributions.put(Reason.SEMANTICALLY_SIMILAR, sense);
        }
        if (bestSection != null) {
            contributions.put(Reason.SAME_SECTION, STRUCTURE_WEIGHT * specificity(bestSection.size(), documents));
        }
        if (shared.sectionSources() >= 2) {
            contributions.put(Reason.LISTED_TOGETHER, STRUCTURE_WEIGHT * structural);
        }
        if (bestTopic != null && specificity(bestTopic.size(), documents) > 0) {
            contributions.put(Reason.SAME_TOPIC, STRUCTURE_WEIGHT * specificity(bestTopic.size(), documents));
        }
        if (course != null) {
            contributions.put(Reason.COURSE_NEXT, COURSE_WEIGHT * course.closeness());
        }
        if (path != null) {
            contributions.put(Reason.PATH_NEXT, PATH_WEIGHT * path.closeness());
        }
        if (followUp > 0) {
            contributions.put(Reason.FOLLOW_UP, FOLLOW_UP_WEIGHT * followUp);
        }
        if (contributions.isEmpty()) {
            return Optional.empty();
        }
        double order = Math.max(course == null ? 0 : COURSE_WEIGHT * course.closeness(),
                path == null ? 0 : PATH_WEIGHT * path.closeness());
        double score = text + STRUCTURE_WEIGHT * structural + order + FOLLOW_UP_WEIGHT * followUp;
        List<Reason> reasons = new ArrayList<>(contributions.entrySet().stream()
                .sorted(Map.Entry.<Reason, Double>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .toList());
        if (followUp == 0 && older) {
            reasons.add(Reason.BACKGROUND);
        }
        List<SharedTerm> terms = cosine > 0 ? index.explain(paperId, candidate, Integer.MAX_VALUE) : List.of();
        return Optional.of(ScoredPaper.of(candidate, score, reasons, terms, new ReasonLine(course, path,
                bestSection, bestTopic, shared.sectionSources(), namesIt), score - text));
    }

    /**
     * What a candidate shares with the paper: its most specific section and topic, how many lists or courses put
     * them in one section, and the structure score (noisy-or over sources of each source's most specific group).
     */
    private record Shared(Group section, Group topic, int sectionSources, double structure) {

        static Shared of(Structure structure, long candidate, Facts facts, int documents) {
            Set<String> held = new HashSet<>(facts.groups());
            structure.members().forEach((key, members) -> {
                if (members.contains(candidate)) {
                    held.add(key);
                }
            });
            Map<String, Group> bestBySource = new HashMap<>();
            Group section = null;
            Group topic = null;
            for (Group group : structure.groups()) { // most specific first
                if (held.contains(group.key())) {
                    bestBySource.putIfAbsent(group.source(), group);
                    if (group.kind() == GroupKind.SECTION && section == null) {
                        section = group;
                    } else if (group.kind() == GroupKind.TOPIC && topic == null) {
                        topic = group;
                    }
                }
            }
            double apart = 1;
            for (Group group : bestBySource.values()) {
                apart *= 1 - specificity(group.size(), documents);
            }
            int sectionSources = (int) bestBySource.values().stream().filter(g -> g.kind() == GroupKind.SECTION).count();
            return new Shared(section, topic, sectionSources, 1 - apart);
        }
    }

    /** Whether the candidate's text has every term of the name. */
    private boolean mentions(long candidate, QueryVector name) {
        Optional<QueryVector> text = index.vectorOf(candidate);
        if (text.isEmpty()) {
            return false;
        }
        QueryVector terms = text.get();
        int j = 0;
        for (int i = 0; i < name.size(); i++) {
            while (j < terms.size() && terms.term(j) < name.term(i)) {
                j++;
            }
            if (j == terms.size() || terms.term(j) != name.term(i)) {
                return false;
            }
        }
        return true;
    }
}
