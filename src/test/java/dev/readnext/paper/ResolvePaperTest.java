package dev.readnext.paper;

import static dev.readnext.graphql.GraphQL.ok;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ResolvePaperTest {

    @Test
    void ropeResolvesToRoFormerFirst() {
        ok("{ resolvePaper(text: \"RoPE\") { score matchedBy paper { arxivId title } } }")
                .body("data.resolvePaper[0].paper.arxivId", equalTo("2104.09864"))
                .body("data.resolvePaper[0].matchedBy", equalTo("ALIAS"))
                .body("data.resolvePaper[0].score", equalTo(1.0f));
    }

    @ParameterizedTest(name = "{0} → {1} by {2}")
    @CsvSource(delimiter = '|', value = {
            "2104.09864                                | 2104.09864 | ARXIV_ID",
            "https://arxiv.org/pdf/2309.00071v2        | 2309.00071 | ARXIV_ID",
            "the YaRN paper                            | 2309.00071 | ALIAS",
            "DPO                                       | 2305.18290 | ALIAS",
            "MoE                                       | 1701.06538 | ALIAS",
            "LoRA                                      | 2106.09685 | TITLE",
            "vLLM                                      | 2309.06180 | ALIAS",
            "mixtral of experts                        | 2401.04088 | TITLE",
            "Efficient Memory Management for LLM Serving with PagedAttention | 2309.06180 | TITLE",
            "ZClip                                     | 2504.02507 | NAME",
            "KTO                                       | 2402.01306 | ALIAS",
            "Spike No More Stabilizing Pretraining     | 2312.16903 | FUZZY_TITLE" })
    void resolvesAliasesIdsTitlesAndNames(String text, String arxivId, String matchedBy) {
        ok("query R($t: String!) { resolvePaper(text: $t) { matchedBy paper { arxivId } } }",
                java.util.Map.of("t", text))
                .body("data.resolvePaper[0].paper.arxivId", equalTo(arxivId))
                .body("data.resolvePaper[0].matchedBy", equalTo(matchedBy));
    }

    @Test
    void acronymOfTheTitleWordsResolves() {
        ok("{ resolvePaper(text: \"SSMs\", first: 3) { matchedBy paper { title } } }")
                .body("data.resolvePaper", hasSize(lessThanOrEqualTo(3)));
        ok("{ resolvePaper(text: \"CLIMB\") { matchedBy paper { arxivId } } }")
                .body("data.resolvePaper[0].paper.arxivId", equalTo("2504.13161"));
    }

    @Test
    void blogUrlResolvesByUrl() {
        ok("{ resolvePaper(text: \"https://lmsys.org/blog/2024-01-17-sglang/\") { matchedBy paper { title } } }")
                .body("data.resolvePaper[0].matchedBy", equalTo("URL"))
                .body("data.resolvePaper[0].paper.title", equalTo("Fast and Expressive LLM Inference with RadixAttention and SGLang"));
    }

    @Test
    void textMatchingNothingGivesNoMatches() {
        ok("{ resolvePaper(text: \"qqqxxzz\") { score } }").body("data.resolvePaper", hasSize(0));
    }
}
