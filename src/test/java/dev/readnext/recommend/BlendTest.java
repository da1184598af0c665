package dev.readnext.recommend;

import static dev.readnext.recommend.Blend.COURSE_WEIGHT;
import static dev.readnext.recommend.Blend.PATH_WEIGHT;
import static dev.readnext.recommend.Blend.SIMILAR_TEXT_THRESHOLD;
import static dev.readnext.recommend.Blend.TOPIC_WEIGHT;
import static dev.readnext.recommend.Reason.COURSE_NEXT;
import static dev.readnext.recommend.Reason.PATH_NEXT;
import static dev.readnext.recommend.Reason.SAME_TOPIC;
import static dev.readnext.recommend.Reason.SIMILAR_TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.readnext.recommend.StructureSignals.Structure;
import dev.readnext.recommend.engine.DocumentText;
import dev.readnext.recommend.engine.ScoredDocument;
import dev.readnext.recommend.engine.TfIdfIndex;

/**
 * The blend after paper 1 on eight hand-built abstracts, where every word occurs once in exactly two papers: all
 * idf are equal, so all weights of a paper are equal and {@code cos(A, B) = shared words / √(|A|·|B|)}.
 * <pre>
 *   1 the paper      p1…p20              (20 words)
 *   2 text over      p1, a1…a18          (19)  cos = 1/√(20·19) = 0.05130  just over the 0.05 threshold
 *   3 text under     p2, b1…b20          (21)  cos = 1/√(20·21) = 0.04880  just under it
 *   4 course only    b1…b10              (10)  cos = 0, course-next at closeness 5/6
 *   5 path only      b11…b20             (10)  cos = 0, path-next at closeness 1/2
 *   6 every signal   p3, a1…a18          (19)  cos = 1/√(20·19); course-next 1/2, path-next 1, shares all topics
 *   7 duplicate      p4…p11              ( 8)  cos = 8/√(20·8)  = 0.63246; a duplicate of 1, also course-next
 *   8 read           p12…p20             ( 9)  cos = 9/√(20·9)  = 0.67082; path-next at closeness 1/3
 *   99               not in the index, course-next; and the structure lists paper 1 as its own path-next
 * </pre>
 */
class BlendTest {

    private static final double TOLERANCE = 1e-6;
    private static final int SIZE = 10;

    private static final long PAPER = 1;
    private static final long TEXT_OVER = 2;
    private static final long TEXT_UNDER = 3;
    private static final long COURSE_ONLY = 4;
    private static final long PATH_ONLY = 5;
    private static final long EVERY_SIGNAL = 6;
    private static final long DUPLICATE = 7;
    private static final long READ = 8;
    private static final long NOT_INDEXED = 99;

    private static final double COS_OVER = 1 / Math.sqrt(20 * 19);
    private static final double COS_UNDER = 1 / Math.sqrt(20 * 21);
    private static final double COS_DUPLICATE = 8 / Math.sqrt(20 * 8);
    private static final double COS_READ = 9 / Math.sqrt(20 * 9);

    private static final Structure STRUCTURE = new Structure(
            Map.of(COURSE_ONLY, 5.0 / 6, EVERY_SIGNAL, 0.5, DUPLICATE, 1.0, NOT_INDEXED, 1.0),
            Map.of(PATH_ONLY, 0.5, EVERY_SIGNAL, 1.0, READ, 1.0 / 3, PAPER, 1.0),
            Set.of(DUPLICATE));
    private static final Map<Long, Double> TOPICS = Map.of(EVERY_SIGNAL, 1.0);

    private final TfIdfIndex index = TfIdfIndex.build(Stream.of(
            new DocumentText(PAPER, null, null, words("p", 1, 20)),
            new DocumentText(TEXT_OVER, null, null, "p1 " + words("a", 1, 18)),
            new DocumentText(TEXT_UNDER, null, null, "p2 " + words("b", 1, 20)),
            new DocumentText(COURSE_ONLY, null, null, words("b", 1, 10)),
            new DocumentText(PATH_ONLY, null, null, words("b", 11, 20)),
            new DocumentText(EVERY_SIGNAL, null, null, "p3 " + words("a", 1, 18)),
            new DocumentText(DUPLICATE, null, null, words("p", 4, 11)),
            new DocumentText(READ, null, null, words("p", 12, 20))));
    private final Blend blend = new Blend(index);

    @Test
    void theIndexGivesTheHandComputedCosines() {
        Map<Long, Double> cosines = index.related(PAPER, SIZE, id -> false).stream()
                .collect(Collectors.toMap(ScoredDocument::id, ScoredDocument::score));

        assertEquals(Set.of(TEXT_OVER, TEXT_UNDER, EVERY_SIGNAL, DUPLICATE, READ), cosines.keySet());
        assertEquals(COS_OVER, cosines.get(TEXT_OVER), TOLERANCE);
        assertEquals(COS_UNDER, cosines.get(TEXT_UNDER), TOLERANCE);
        assertEquals(COS_OVER, cosines.get(EVERY_SIGNAL), TOLERANCE);
        assertEquals(COS_DUPLICATE, cosines.get(DUPLICATE), TOLERANCE);
        assertEquals(COS_READ, cosines.get(READ), TOLERANCE);
    }

    @Test
    void recommendationsAreOrderedByBlendedScore() {
        assertEquals(List.of(READ, EVERY_SIGNAL, COURSE_ONLY, PATH_ONLY, TEXT_OVER),
                ids(after(STRUCTURE, Set.of(), TOPICS, SIZE)));
    }

    /** Papers 4 and 5 both score the course weight; 2 and 6 both the same cosine. */
    @Test
    void equalScoresAreOrderedByPaperId() {
        Structure ties = new Structure(Map.of(PATH_ONLY, 1.0, COURSE_ONLY, 1.0), Map.of(), Set.of());

        List<ScoredPaper> ranked = after(ties, Set.of(), Map.of(), SIZE);

        assertEquals(List.of(READ, DUPLICATE, COURSE_ONLY, PATH_ONLY, TEXT_OVER, EVERY_SIGNAL), ids(ranked));
        assertEquals(ranked.get(2).score(), ranked.get(3).score());
        assertEquals(ranked.get(4).score(), ranked.get(5).score());
    }

    @Test
    void onlyTheBestSizeAreReturned() {
        assertEquals(List.of(READ, EVERY_SIGNAL), ids(after(STRUCTURE, Set.of(), TOPICS, 2)));
    }

    @Test
    void aTextNeighbourScoresItsCosine() {
        ScoredPaper over = find(after(STRUCTURE, Set.of(), TOPICS, SIZE), TEXT_OVER);

        assertEquals(COS_OVER, over.score(), TOLERANCE);
        assertEquals(List.of(SIMILAR_TEXT), over.reasons());
    }

    @Test
    void aCosineJustOverTheThresholdIsKept() {
        assertTrue(COS_OVER > SIMILAR_TEXT_THRESHOLD && COS_OVER < SIMILAR_TEXT_THRESHOLD + 0.002);

        assertTrue(ids(after(STRUCTURE, Set.of(), TOPICS, SIZE)).contains(TEXT_OVER));
    }

    @Test
    void aCosineJustUnderTheThresholdIsDropped() {
        assertTrue(COS_UNDER < SIMILAR_TEXT_THRESHOLD && COS_UNDER > SIMILAR_TEXT_THRESHOLD - 0.002);

        assertFalse(ids(after(STRUCTURE, Set.of(), TOPICS, SIZE)).contains(TEXT_UNDER));
    }

    @Test
    void courseNextAddsTheCourseWeightTimesTheCloseness() {
        ScoredPaper course = find(after(STRUCTURE, Set.of(), TOPICS, SIZE), COURSE_ONLY);

        assertEquals(COURSE_WEIGHT * 5 / 6, course.score(), TOLERANCE);
        assertEquals(List.of(COURSE_NEXT), course.reasons());
    }

    @Test
    void pathNextAddsThePathWeightTimesTheCloseness() {
        ScoredPaper path = find(after(STRUCTURE, Set.of(), TOPICS, SIZE), PATH_ONLY);

        assertEquals(PATH_WEIGHT * 0.5, path.score(), TOLERANCE);
        assertEquals(List.of(PATH_NEXT), path.reasons());
    }

    @Test
    void aSharedTopicAddsTheTopicWeightTimesTheSharedFraction() {
        ScoredPaper over = find(after(STRUCTURE, Set.of(), Map.of(TEXT_OVER, 0.5), SIZE), TEXT_OVER);

        assertEquals(COS_OVER + TOPIC_WEIGHT * 0.5, over.score(), TOLERANCE);
        assertEquals(List.of(SIMILAR_TEXT, SAME_TOPIC), over.reasons());
    }

    @Test
    void theSignalsOfACandidateAddUp() {
        ScoredPaper every = find(after(STRUCTURE, Set.of(), TOPICS, SIZE), EVERY_SIGNAL);

        assertEquals(COS_OVER + COURSE_WEIGHT * 0.5 + PATH_WEIGHT * 1.0 + TOPIC_WEIGHT * 1.0, every.score(), TOLERANCE);
    }

    /** Path 0.25 · 1, course 0.35 · 0.5, topic 0.10 · 1, text 0.0513: not the declaration order of the reasons. */
    @Test
    void reasonsAreOrderedByContributionLargestFirst() {
        ScoredPaper every = find(after(STRUCTURE, Set.of(), TOPICS, SIZE), EVERY_SIGNAL);

        assertEquals(List.of(PATH_NEXT, COURSE_NEXT, SAME_TOPIC, SIMILAR_TEXT), every.reasons());
    }

    @Test
    void tiedReasonsKeepTheirDeclarationOrder() {
        Structure tie = new Structure(Map.of(COURSE_ONLY, PATH_WEIGHT), Map.of(COURSE_ONLY, COURSE_WEIGHT), Set.of());

        assertEquals(List.of(COURSE_NEXT, PATH_NEXT), find(after(tie, Set.of(), Map.of(), SIZE), COURSE_ONLY).reasons());
    }

    /** The cosine still counts in the score, though not as a reason. */
    @Test
    void aSharedTopicKeepsACandidateWhoseCosineIsUnderTheThreshold() {
        ScoredPaper under = find(after(STRUCTURE, Set.of(), Map.of(TEXT_UNDER, 0.5), SIZE), TEXT_UNDER);

        assertEquals(COS_UNDER + TOPIC_WEIGHT * 0.5, under.score(), TOLERANCE);
        assertEquals(List.of(SAME_TOPIC), under.reasons());
    }

    @Test
    void thePaperItselfIsNeverRecommended() {
        assertFalse(ids(after(STRUCTURE, Set.of(), TOPICS, SIZE)).contains(PAPER));
    }

    @Test
    void duplicatesOfThePaperAreNeverRecommended() {
        Structure noDuplicates = new Structure(STRUCTURE.courseNext(), STRUCTURE.pathNext(), Set.of());
        assertTrue(ids(after(noDuplicates, Set.of(), TOPICS, SIZE)).contains(DUPLICATE));

        assertFalse(ids(after(STRUCTURE, Set.of(), TOPICS, SIZE)).contains(DUPLICATE));
    }

    @Test
    void papersGivenAsReadAreNeverRecommended() {
        assertTrue(ids(after(STRUCTURE, Set.of(), TOPICS, SIZE)).contains(READ));

        assertFalse(ids(after(STRUCTURE, Set.of(READ), TOPICS, SIZE)).contains(READ));
    }

    @Test
    void papersOutsideTheIndexAreNeverRecommended() {
        assertFalse(ids(after(STRUCTURE, Set.of(), TOPICS, SIZE)).contains(NOT_INDEXED));
    }

    @Test
    void aPaperOutsideTheIndexGetsNoRecommendationsEvenFromItsStructure() {
        Blend.Candidates candidates = blend.candidates(NOT_INDEXED, STRUCTURE, Set.of(), SIZE);

        assertEquals(List.of(), blend.rank(candidates, TOPICS, SIZE));
    }

    /** Paper 8 shares nine words, all contributing equally. */
    @Test
    void aRecommendationShowsAtMostTheSharedTermsLimitOfTheWordsBothPapersHave() {
        List<String> terms = find(after(STRUCTURE, Set.of(), TOPICS, SIZE), READ).sharedTerms();

        assertEquals(ScoredPaper.SHARED_TERMS, terms.size());
        assertTrue(List.of(words("p", 12, 20).split(" ")).containsAll(terms), "terms: " + terms);
    }

    private List<ScoredPaper> after(Structure structure, Set<Long> read, Map<Long, Double> sharedTopics, int size) {
        return blend.rank(blend.candidates(PAPER, structure, read, size), sharedTopics, size);
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
