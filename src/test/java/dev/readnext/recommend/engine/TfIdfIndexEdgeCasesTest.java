package dev.readnext.recommend.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TfIdfIndexEdgeCasesTest {

    @Test
    void tiedScoresAreOrderedByIdWhateverTheInsertionOrder() {
        TfIdfIndex index = TfIdfIndex.build(Stream.of(
                new DocumentText(9, null, null, "alpha beta"),
                new DocumentText(1, null, null, "alpha beta"),
                new DocumentText(5, null, null, "alpha beta"),
                new DocumentText(3, null, null, "alpha beta"),
                new DocumentText(7, null, null, "gamma")));

        List<ScoredDocument> related = index.related(9, 2, id -> false);

        assertEquals(List.of(1L, 3L), related.stream().map(ScoredDocument::id).toList());
        assertEquals(related.get(0).score(), related.get(1).score());
    }

    @Test
    void kBeyondTheCandidatesReturnsOnlyDocumentsSharingATerm() {
        TfIdfIndex index = TfIdfIndex.build(Stream.of(
                new DocumentText(1, "alpha", null, null),
                new DocumentText(2, "alpha beta", null, null),
                new DocumentText(3, "gamma", null, null)));

        assertEquals(List.of(2L), index.related(1, 50, id -> false).stream().map(ScoredDocument::id).toList());
    }

    @Test
    void documentsWithoutTermsNeitherMatchNorQuery() {
        TfIdfIndex index = TfIdfIndex.build(Stream.of(
                new DocumentText(1, "", null, null),
                new DocumentText(2, null, null, "the of and"),
                new DocumentText(3, "alpha", null, null),
                new DocumentText(4, "alpha", null, null)));

        assertEquals(List.of(), index.related(1, 10, id -> false));
        assertEquals(List.of(), index.related(2, 10, id -> false));
        assertEquals(List.of(4L), index.related(3, 10, id -> false).stream().map(ScoredDocument::id).toList());
        assertTrue(index.topK(index.rocchio(new long[] {1}, new long[0], 1, 0.5), 10, id -> false).isEmpty());
    }

    @Test
    void excludedDocumentsAreSkippedAndTheListRefilled() {
        TfIdfIndex index = TfIdfIndex.build(IntStream.range(0, 400).mapToObj(i ->
                new DocumentText(i, "common w" + (i % 7), null, "shared text w" + (i % 13) + " x" + (i % 3))));

        List<ScoredDocument> related = index.related(0, 10, id -> id % 2 == 0);

        assertEquals(10, related.size());
        assertTrue(related.stream().allMatch(hit -> hit.id() % 2 == 1));
    }
}
