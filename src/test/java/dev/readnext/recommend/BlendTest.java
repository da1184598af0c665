package dev.readnext.recommend;

import static dev.readnext.recommend.Blend.COURSE_WEIGHT;
import static dev.readnext.recommend.Blend.FOLLOW_UP_WEIGHT;
import static dev.readnext.recommend.Blend.PATH_WEIGHT;
import static dev.readnext.recommend.Blend.SIMILAR_TEXT_THRESHOLD;
import static dev.readnext.recommend.Blend.STRUCTURE_WEIGHT;
import static dev.readnext.recommend.Reason.BACKGROUND;
import static dev.readnext.recommend.Reason.COURSE_NEXT;
import static dev.readnext.recommend.Reason.FOLLOW_UP;
import static dev.readnext.recommend.Reason.LISTED_TOGETHER;
import static dev.readnext.recommend.Reason.PATH_NEXT;
import static dev.readnext.recommend.Reason.SAME_SECTION;
import static dev.readnext.recommend.Reason.SAME_TOPIC;
import static dev.readnext.recommend.Reason.SEMANTICALLY_SIMILAR;
import static dev.readnext.recommend.Reason.SIMILAR_TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.readnext.recommend.StructureSignals.Facts;
import dev.readnext.recommend.StructureSignals.Group;
import dev.readnext.recommend.StructureSignals.GroupKind;
import dev.readnext.recommend.StructureSignals.Next;
import dev.readnext.recommend.StructureSignals.Structure;
import dev.readnext.recommend.engine.DocumentText;
import dev.readnext.recommend.engine.Int8Vector;
import dev.readnext.recommend.engine.SemanticIndex;
import dev.readnext.recommend.engine.ScoredDocument;
import dev.readnext.recommend.engine.TfIdfIndex;

/**
 * The blend after paper 1 on ten hand-built abstracts, where every word occurs once in exactly two papers: all
 * term weights are equal, so all weights of a paper are equal and {@code cos(A, B) = shared words / √(|A|·|B|)}.
 * A group of g papers has specificity ln(10 / g) / ln 10.
 * <pre>
 *   1 the paper      p1…p20              (20 words)
 *   2 text over      p1, a1…a18          (19)  cos = 1/√(20·19) = 0.05130  just over the 0.05 threshold
 *   3 text under     p2, b1…b20          (21)  cos = 1/√(20·21) = 0.04880  just under it
 *   4 course only    b1…b10              (10)  cos = 0
 *   5 path only      b11…b20             (10)  cos = 0
 *   6 text over too  p3, a1…a18          (19)  cos = 1/√(20·19)
 *   7 duplicate      p4…p11              ( 8)  cos = 8/√(20·8)  = 0.63246
 *   8 read           p12…p20             ( 9)  cos = 9/√(20·9)  = 0.67082
 *   9 follower       XyZ9 c1 c2                cos = 0; names the paper, whose name is "XyZ9"
 *  10 follower too   XyZ9 c1 c2                (so that its words occur twice too)
 *  99               not in the index
 * </pre>
 */
class BlendTest {

    private static final double TOLERANCE = 1e-6;
    private static final int SIZE = 10;
    private static final int DOCUMENTS = 10;

    private static final long PAPER = 1;
    private static final long TEXT_OVER = 2;
    private static final long TEXT_UNDER = 3;
    private static final long COURSE_ONLY = 4;
    private static final long PATH_ONLY = 5;
    private static final long TEXT_OVER_TOO = 6;
    private static final long DUPLICATE = 7;
    private static final long READ = 8;
    private static final long FOLLOWER = 9;
    private static final long NOT_INDEXED = 99;

    private static final double COS_OVER = 1 / Math.sqrt(20 * 19);
    private static final double COS_UNDER = 1 / Math.sqrt(20 * 21);
    private static final double COS_DUPLICATE = 8 / Math.sqrt(20 * 8);
    private static final double COS_READ = 9 / Math.sqrt(20 * 9);
    /** How much the text of paper 1, 20 terms, counts: 20 / (20 + 5). */
    private static final double TRUST = 20.0 / 25;

    /** A section of the paper and course only (2 papers) in list 1; a topic of 4 with path only and text over. */
    private static final Group PAIR_SECTION = new Group("L:1:pair", GroupKind.SECTION, "list 1", "Pair", 2);
    private static final Group WIDE_SECTION = new Group("L:2:wide", GroupKind.SECTION, "list 2", "Wide", 4);
    private static final Group TOPIC = new Group("T:1", GroupKind.TOPIC, "topics", "Topic", 4);
    private static final Group EVERYTHING = new Group("T:2", GroupKind.TOPIC, "topics", "All", DOCUMENTS);

    private final TfIdfIndex index = TfIdfIndex.build(Stream.of(
            new DocumentText(PAPER, null, null, words("p", 1, 20)),
            new DocumentText(TEXT_OVER, null, null, "p1 " + words("a", 1, 18)),
            new DocumentText(TEXT_UNDER, null, null, "p2 " + words("b", 1, 20)),
            new DocumentText(COURSE_ONLY, null, null, words("b", 1, 10)),
            new DocumentText(PATH_ONLY, null, null, words("b", 11, 20)),
            new DocumentText(TEXT_OVER_TOO, null, null, "p3 " + words("a", 1, 18)),
            new DocumentText(DUPLICATE, null, null, words("p", 4, 11)),
            new DocumentText(READ, null, null, words("p", 12, 20)),
            new DocumentText(FOLLOWER, null, null, "XyZ9 c1 c2"),
            new DocumentText(FOLLOWER + 1, null, null, "XyZ9 c1 c2")));
    private final Blend blend = new Blend(index);

    @Test
    void theIndexGivesTheHandComputedCosines() {
        Map<Long, Double> cosines = index.related(PAPER, SIZE, id -> false).stream()
                .collect(Collectors.toMap(ScoredDocument::id, ScoredDocument::score));

        assertEquals(Set.of(TEXT_OVER, TEXT_UNDER, TEXT_OVER_TOO, DUPLICATE, READ), cosines.keySet());
        assertEquals(COS_OVER, cosines.get(TEXT_OVER), TOLERANCE);
        assertEquals(COS_UNDER, cosines.get(TEXT_UNDER), TOLERANCE);
        assertEquals(COS_DUPLICATE, cosines.get(DUPLICATE), TOLERANCE);
        assertEquals(COS_READ, cosines.get(READ), TOLERANCE);
    }

    @Test
    void specificityIsHighForAPairAndZeroForEveryPaper() {
        assertEquals(Math.log(500) / Math.log(1000), Blend.specificity(2, 1000), TOLERANCE);
        assertEquals(Math.log(10.0 / 4) / Math.log(10), Blend.specificity(4, DOCUMENTS), TOLERANCE);
        assertEquals(0.0, Blend.specificity(DOCUMENTS, DOCUMENTS), TOLERANCE);
        assertEquals(0.0, Blend.specificity(1, DOCUMENTS), TOLERANCE);
    }

    @Test
    void aTextNeighbourScoresItsCosine() {
        ScoredPaper over = find(after(structure(), Map.of(), Set.of(), SIZE), TEXT_OVER);

        assertEquals(TRUST * COS_OVER, over.score(), TOLERANCE);
        assertEquals(List.of(SIMILAR_TEXT), over.reasons());
    }

    /** A bare title is weak evidence: "XyZ9 c1 c2" (3 terms) counts 3 / 8 of its cosine, against 20 / 25 here. */
    @Test
    void textCountsInProportionToHowMuchTextThePaperHas() {
        Blend.Candidates shortText = blend.candidates(FOLLOWER, Structure.NONE, Set.of(), SIZE);
        ScoredPaper twin = find(blend.rank(shortText, Map.of(), SIZE), FOLLOWER + 1);

        assertEquals(3.0 / 8, shortText.textTrust(), TOLERANCE);
        assertEquals(3.0 / 8 * 1.0, twin.score(), TOLERANCE);
    }

    @Test
    void aCosineJustUnderTheThresholdAloneIsDropped() {
        assertTrue(COS_OVER > SIMILAR_TEXT_THRESHOLD && COS_UNDER < SIMILAR_TEXT_THRESHOLD);

        List<Long> ids = ids(after(structure(), Map.of(), Set.of(), SIZE));
        assertTrue(ids.contains(TEXT_OVER));
        assertFalse(ids.contains(TEXT_UNDER));
    }

    /** The next session of a course often changes subject: order alone recommends nothing. */
    @Test
    void courseAndPathOrderAloneAreNotASubject() {
        Structure order = structure(Map.of(COURSE_ONLY, new Next(1, "Course")), Map.of(PATH_ONLY, new Next(1, "Path")),
                List.of(), Map.of());

        List<Long> ids = ids(after(order, Map.of(), Set.of(), SIZE));
        assertFalse(ids.contains(COURSE_ONLY), "ids: " + ids);
        assertFalse(ids.contains(PATH_ONLY), "ids: " + ids);
    }

    @Test
    void courseOrderCountsOnTheSubjectOfASharedSection() {
        Structure shared = structure(Map.of(COURSE_ONLY, new Next(5.0 / 6, "Course")), Map.of(),
                List.of(PAIR_SECTION), Map.of(PAIR_SECTION.key(), Set.of(PAPER, COURSE_ONLY)));

        ScoredPaper course = find(after(shared, Map.of(), Set.of(), SIZE), COURSE_ONLY);

        assertEquals(STRUCTURE_WEIGHT * Blend.specificity(2, DOCUMENTS) + COURSE_WEIGHT * 5 / 6, course.score(),
                TOLERANCE);
        assertEquals(List.of(SAME_SECTION, COURSE_NEXT), course.reasons());
        assertEquals("Same section: Pair · next in Course after this", course.explanation());
    }

    /** A group too large to propose candidates still scores the ones the text found, by the facts given. */
    @Test
    void aSharedTopicAddsItsSpecificity() {
        Structure topic = structure(Map.of(), Map.of(PATH_ONLY, new Next(1, "Path")), List.of(TOPIC), Map.of());
        Map<Long, Facts> facts = Map.of(TEXT_OVER, new Facts(Set.of(TOPIC.key()), null));

        ScoredPaper over = find(after(topic, facts, Set.of(), SIZE), TEXT_OVER);

        double specificity = Math.log(10.0 / 4) / Math.log(10);
        assertEquals(TRUST * COS_OVER + STRUCTURE_WEIGHT * specificity, over.score(), TOLERANCE);
        assertEquals(List.of(SAME_TOPIC, SIMILAR_TEXT), over.reasons());
    }

    @Test
    void aGroupOfEveryPaperSaysNothing() {
        Structure all = structure(Map.of(), Map.of(), List.of(EVERYTHING), Map.of());
        Map<Long, Facts> facts = Map.of(TEXT_OVER, new Facts(Set.of(EVERYTHING.key()), null));

        ScoredPaper over = find(after(all, facts, Set.of(), SIZE), TEXT_OVER);

        assertEquals(TRUST * COS_OVER, over.score(), TOLERANCE);
        assertEquals(List.of(SIMILAR_TEXT), over.reasons());
    }

    /** Two lists' sections: 1 − (1 − s₂)(1 − s₄), more than either alone. */
    @Test
    void twoListsPuttingPapersTogetherCountMoreThanOne() {
        Structure two = structure(Map.of(), Map.of(), List.of(PAIR_SECTION, WIDE_SECTION),
                Map.of(PAIR_SECTION.key(), Set.of(PAPER, TEXT_UNDER), WIDE_SECTION.key(), Set.of(PAPER, TEXT_UNDER)));

        ScoredPaper under = find(after(two, Map.of(), Set.of(), SIZE), TEXT_UNDER);

        double together = 1 - (1 - Blend.specificity(2, DOCUMENTS)) * (1 - Blend.specificity(4, DOCUMENTS));
        assertEquals(TRUST * COS_UNDER + STRUCTURE_WEIGHT * together, under.score(), TOLERANCE);
        assertEquals(List.of(LISTED_TOGETHER, SAME_SECTION), under.reasons());
    }

    @Test
    void aCandidateThatNamesThePaperIsAFollowUp() {
        Structure named = new Structure(Map.of(), Map.of(), Set.of(), List.of(PAIR_SECTION),
                Map.of(PAIR_SECTION.key(), Set.of(PAPER, FOLLOWER)), null, List.of("XyZ9", "Attention"));

        ScoredPaper follower = find(after(named, Map.of(), Set.of(), SIZE), FOLLOWER);

        assertEquals(STRUCTURE_WEIGHT * Blend.specificity(2, DOCUMENTS) + FOLLOW_UP_WEIGHT, follower.score(), TOLERANCE);
        assertEquals(List.of(SAME_SECTION, FOLLOW_UP), follower.reasons());
        assertTrue(follower.explanation().contains("builds on it"), follower.explanation());
    }

    @Test
    void newerWorkOnTheSubjectIsAFollowUpAndOlderWorkBackground() {
        Structure dated = new Structure(Map.of(), Map.of(), Set.of(), List.of(WIDE_SECTION),
                Map.of(WIDE_SECTION.key(), Set.of(PAPER, TEXT_OVER, TEXT_OVER_TOO)), 2020, List.of());
        Map<Long, Facts> years = Map.of(TEXT_OVER, new Facts(Set.of(), 2023), TEXT_OVER_TOO, new Facts(Set.of(), 2019));

        List<ScoredPaper> ranked = after(dated, years, Set.of(), SIZE);

        ScoredPaper newer = find(ranked, TEXT_OVER);
        ScoredPaper older = find(ranked, TEXT_OVER_TOO);
        assertEquals(older.score() + FOLLOW_UP_WEIGHT * 0.5, newer.score(), TOLERANCE);
        assertTrue(newer.reasons().contains(FOLLOW_UP), "reasons: " + newer.reasons());
        assertEquals(BACKGROUND, older.reasons().get(older.reasons().size() - 1));
        assertTrue(ids(ranked).indexOf(TEXT_OVER) < ids(ranked).indexOf(TEXT_OVER_TOO));
    }

    /** Papers 2 and 6 have the same cosine and no structure. */
    @Test
    void equalScoresAreOrderedByPaperId() {
        List<ScoredPaper> ranked = after(structure(), Map.of(), Set.of(), SIZE);

        assertEquals(List.of(READ, DUPLICATE, TEXT_OVER, TEXT_OVER_TOO), ids(ranked));
        assertEquals(ranked.get(2).score(), ranked.get(3).score());
    }

    @Test
    void onlyTheBestSizeAreReturned() {
        assertEquals(List.of(READ, DUPLICATE), ids(after(structure(), Map.of(), Set.of(), 2)));
    }

    @Test
    void thePaperItsDuplicatesTheReadAndPapersOutsideTheIndexAreNeverRecommended() {
        Structure structure = new Structure(Map.of(NOT_INDEXED, new Next(1, "Course")), Map.of(PAPER, new Next(1, "P")),
                Set.of(DUPLICATE), List.of(PAIR_SECTION), Map.of(PAIR_SECTION.key(), Set.of(PAPER, NOT_INDEXED)),
                null, List.of());

        List<Long> ids = ids(after(structure, Map.of(), Set.of(READ), SIZE));

        assertEquals(List.of(TEXT_OVER, TEXT_OVER_TOO), ids);
    }

    @Test
    void aPaperOutsideTheIndexGetsNoRecommendationsEvenFromItsStructure() {
        Structure structure = structure(Map.of(COURSE_ONLY, new Next(1, "Course")), Map.of(), List.of(PAIR_SECTION),
                Map.of(PAIR_SECTION.key(), Set.of(NOT_INDEXED, COURSE_ONLY)));

        assertEquals(List.of(), blend.rank(blend.candidates(NOT_INDEXED, structure, Set.of(), SIZE), Map.of(), SIZE));
    }

    /** Paper 8 shares nine words, all contributing equally. */
    @Test
    void aRecommendationShowsAtMostTheSharedTermsLimitOfTheWordsBothPapersHave() {
        List<String> terms = find(after(structure(), Map.of(), Set.of(), SIZE), READ).sharedTerms();

        assertEquals(ScoredPaper.SHARED_TERMS, terms.size());
        assertTrue(List.of(words("p", 12, 20).split(" ")).containsAll(terms), "terms: " + terms);
    }

    /**
     * With embeddings (two dimensions, hand-made): the paper (1, 0); "course only" (0.8, 0.6), close in meaning and
     * sharing no word; "path only" (0.3, 0.95), not close enough (under 0.35); "text over" (0, 1), nothing in common
     * but a word. "Text over too" has no embedding yet and keeps its TF-IDF score. With w = 0.5 and a trust of 0.8,
     * words count 0.5 · 0.8 = 0.4 of the cosine and meaning the other 0.6.
     */
    @Test
    void aPaperSharingNoWordIsRecommendedForItsMeaningAndOnItsSubject() {
        SemanticIndex semantic = new SemanticIndex(2, 8);
        semantic.put(PAPER, Int8Vector.quantize(new float[] {1, 0}));
        semantic.put(COURSE_ONLY, Int8Vector.quantize(new float[] {0.8f, 0.6f}));
        semantic.put(PATH_ONLY, Int8Vector.quantize(new float[] {0.3f, (float) Math.sqrt(1 - 0.09)}));
        semantic.put(TEXT_OVER, Int8Vector.quantize(new float[] {0, 1}));
        Blend hybrid = new Blend(index, semantic, 0.5);
        double meaning = semantic.vectorOf(PAPER).orElseThrow().dot(semantic.vectorOf(COURSE_ONLY).orElseThrow());
        Structure course = structure(Map.of(COURSE_ONLY, new Next(1, "Course")), Map.of(), List.of(), Map.of());

        List<ScoredPaper> ranked = hybrid.rank(hybrid.candidates(PAPER, course, Set.of(), SIZE), Map.of(), SIZE);

        ScoredPaper close = find(ranked, COURSE_ONLY);
        assertEquals(0.6 * meaning + COURSE_WEIGHT, close.score(), TOLERANCE, "on the subject: the course order counts");
        assertEquals(List.of(SEMANTICALLY_SIMILAR, COURSE_NEXT), close.reasons());
        assertEquals(List.of(), close.sharedTerms());
        assertEquals("Similar in meaning · next in Course after this", close.explanation());
        assertFalse(ids(ranked).contains(PATH_ONLY), "not close enough, and order alone is no subject");
        ScoredPaper word = find(ranked, TEXT_OVER);
        assertEquals(0.4 * COS_OVER, word.score(), TOLERANCE);
        assertEquals(List.of(SIMILAR_TEXT), word.reasons());
        assertEquals(TRUST * COS_OVER, find(ranked, TEXT_OVER_TOO).score(), TOLERANCE, "not embedded: TF-IDF alone");
    }

    private List<ScoredPaper> after(Structure structure, Map<Long, Facts> facts, Set<Long> read, int size) {
        return blend.rank(blend.candidates(PAPER, structure, read, size), new HashMap<>(facts), size);
    }

    private static Structure structure() {
        return Structure.NONE;
    }

    private static Structure structure(Map<Long, Next> course, Map<Long, Next> path, List<Group> groups,
            Map<String, Set<Long>> members) {
        return new Structure(course, path, Set.of(), groups, members, null, List.of());
    }

    private static ScoredPaper find(List<ScoredPaper> ranked, long paperId) {
        return ranked.stream().filter(s -> s.paperId() == paperId).findFirst()
                .orElseThrow(() -> new AssertionError(paperId + " not recommended: " + ids(ranked)));
    }

    private static List<Long> ids(List<ScoredPaper> ranked) {
        return ranked.stream().map(ScoredPaper::paperId).toList();
    }

    /** "p1 p2 … p20" for ("p", 1, 20). */
    private static String words(String prefix, int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> prefix + i).collect(Collectors.joining(" "));
    }
}
