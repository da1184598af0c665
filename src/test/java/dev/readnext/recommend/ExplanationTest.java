package dev.readnext.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import dev.readnext.recommend.engine.DocumentText;
import dev.readnext.recommend.engine.SharedTerm;
import dev.readnext.recommend.engine.TfIdfIndex;

class ExplanationTest {

    private final TfIdfIndex index = TfIdfIndex.build(Stream.of(
            new DocumentText(1, "Rotary Position Embeddings", null,
                    "We extend rotary embeddings of transformers to longer contexts."),
            new DocumentText(2, "Scaling RoPE", "Rotary embeddings interpolate positions.",
                    "Rotary embeddings with YaRN reach long contexts."),
            new DocumentText(3, "Diffusion for images", null, "Denoising images with diffusion.")));

    /**
     * "rotari" and "embed" have the same tf in each paper, so they tie and sort by name; "posit" was
     * written "Position" and "positions" once each, and the first paper's form came first.
     */
    @Test
    void sharedTermsAreShownAsWrittenAndRankedByContribution() {
        List<String> terms = index.explain(1, 2, 10).stream().map(SharedTerm::term).toList();

        assertEquals(List.of("embeddings", "rotary", "Position", "contexts"), terms);
    }

    @Test
    void contributionsSumToTheCosine() {
        double cosine = index.related(1, 1, id -> false).get(0).score();
        double sum = index.explain(1, 2, 100).stream().mapToDouble(SharedTerm::contribution).sum();

        assertEquals(cosine, sum, 1e-6);
    }

    @Test
    void limitKeepsTheStrongestTerms() {
        assertEquals(index.explain(1, 2, 10).subList(0, 2), index.explain(1, 2, 2));
    }

    @Test
    void documentsWithoutSharedTermsHaveNoExplanation() {
        assertEquals(List.of(), index.explain(1, 3, 10));
    }
}
