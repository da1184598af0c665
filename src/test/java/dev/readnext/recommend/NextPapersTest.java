package dev.readnext.recommend;

import static dev.readnext.graphql.GraphQL.as;
import static dev.readnext.graphql.GraphQL.ok;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.readnext.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class NextPapersTest {

    private static final String NEXT = """
            query N($after: String!, $first: Int) { nextPapers(after: $after, first: $first) {
              resolved { arxivId title }
              recommendations { score reasons sharedTerms paper { arxivId title } } } }""";

    @Test
    void afterRopeComeYarnAndLongRopeWithReasonsAndSharedTerms() {
        ok(NEXT, Map.of("after", "RoPE", "first", 3))
                .body("data.nextPapers.resolved.arxivId", equalTo("2104.09864"))
                .body("data.nextPapers.recommendations", hasSize(3))
                .body("data.nextPapers.recommendations.paper.arxivId", hasItems("2309.00071", "2402.13753"))
                .body("data.nextPapers.recommendations.reasons", everyItem(not(empty())))
                .body("data.nextPapers.recommendations.find { it.paper.arxivId == '2309.00071' }.reasons",
                        hasItems("COURSE_NEXT", "SIMILAR_TEXT"))
                .body("data.nextPapers.recommendations.find { it.paper.arxivId == '2309.00071' }.sharedTerms",
                        hasItem(equalToIgnoringCase("rope")));
    }

    @ParameterizedTest(name = "after {0} comes {1}")
    @CsvSource({ "LoRA, 2402.09353", "DPO, 2402.01306", "FlashAttention, 2309.06180", "GPTQ, 2306.00978",
            "Mixtral, 2404.19737", "StreamingLLM, 2306.14048" })
    void wellKnownPapersLeadToTheirNaturalSuccessor(String after, String expected) {
        ok(NEXT, Map.of("after", after, "first", 3))
                .body("data.nextPapers.recommendations.paper.arxivId", hasItem(expected));
    }

    @Test
    void sharedTermsAreWordsAsWrittenNotStems() {
        List<List<String>> terms = ok(NEXT, Map.of("after", "RoPE", "first", 10)).extract()
                .path("data.nextPapers.recommendations.sharedTerms");
        List<String> all = terms.stream().flatMap(List::stream).map(String::toLowerCase).toList();
        assertTrue(all.contains("rotary") && all.contains("rope"), "terms: " + all);
        assertTrue(all.stream().noneMatch(t -> t.equals("rotari") || t.equals("embed") || t.equals("posit")),
                "stems leaked: " + all);
    }

    @Test
    void neverRecommendsThePaperItself() {
        String id = ok("{ paper(arxivId: \"2104.09864\") { id } }").extract().path("data.paper.id");
        ok("{ relatedPapers(paperId: \"" + id + "\", first: 50) { paper { id } } }")
                .body("data.relatedPapers.paper.id", not(hasItem(id)))
                .body("data.relatedPapers.size()", org.hamcrest.Matchers.greaterThan(10));
    }

    @Test
    void papersMarkedReadCanBeLeftOut() {
        String v3 = ok("{ paper(arxivId: \"2412.19437\") { id } }").extract().path("data.paper.id");
        ok("{ relatedPapers(paperId: \"" + v3 + "\", first: 5) { paper { arxivId } } }")
                .body("data.relatedPapers.paper.arxivId", hasItem("2401.04088"));
        ok("{ relatedPapers(paperId: \"" + v3 + "\", first: 5, excludeRead: true) { paper { arxivId } } }")
                .body("data.relatedPapers.paper.arxivId", not(hasItem("2401.04088")));
    }

    private static final String UNDERSTOOD = """
            query N($after: String!) { nextPapers(after: $after, first: 5) {
              interpretedAs resolved { title } didYouMean { score matchedBy paper { title } }
              recommendations { reasons sharedTerms explanation paper { title } } } }""";

    /** Names of papers the knowledge base lacks must not be passed off as another paper. */
    @ParameterizedTest
    @ValueSource(strings = { "GRPO", "attention is all you need", "Llama 2", "qqqzzzxx" })
    void unknownNamesLeaveResolvedNullWithoutAnError(String after) {
        ok(UNDERSTOOD, Map.of("after", after))
                .body("data.nextPapers.resolved", equalTo(null))
                .body("data.nextPapers.interpretedAs", not(equalTo("PAPER")))
                .body("data.nextPapers.didYouMean.score", everyItem(lessThan(0.7f)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "GRPO", "attention is all you need", "Llama 2" })
    void nearMissesAreOfferedAsDidYouMean(String after) {
        ok(UNDERSTOOD, Map.of("after", after)).body("data.nextPapers.didYouMean", not(empty()));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({ "RoPE, RoFormer", "DPO, Direct Preference Optimization", "ZClip, ZClip", "2104.09864, RoFormer",
            "Switch Transformers, Switch Transformers" })
    void acronymsAliasesAndNamesStillResolve(String after, String title) {
        ok(UNDERSTOOD, Map.of("after", after))
                .body("data.nextPapers.interpretedAs", equalTo("PAPER"))
                .body("data.nextPapers.resolved.title", startsWith(title));
    }

    /** At least two of the top three are about the subject (titles written from the seed lists). */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "speculative decoding | speculative; lookup decoding; lookahead decoding; medusa; eagle",
            "KV cache compression | SnapKV; H2O; KV; Attention Sinks; Draft-based",
            "quantization of language models | quantiz; GPTQ; AWQ; LLM.int8",
            "mixture of experts routing | expert; MoE" })
    void aQuestionAboutASubjectIsAnsweredWithPapersAboutIt(String after, String about) {
        ValidatableResponse answer = ok(UNDERSTOOD, Map.of("after", after))
                .body("data.nextPapers.resolved", equalTo(null))
                .body("data.nextPapers.interpretedAs", anyOf(equalTo("TEXT"), equalTo("TOPIC")))
                .body("data.nextPapers.recommendations", hasSize(5));
        List<String> top = answer.extract().path("data.nextPapers.recommendations[0..2].paper.title");
        List<List<String>> reasons = answer.extract().path("data.nextPapers.recommendations.reasons");
        reasons.forEach(r -> assertTrue(r.contains("MATCHES_TEXT") || r.contains("IN_TOPIC"), "reasons " + r));
        long onSubject = top.stream().filter(title -> List.of(about.split(";")).stream()
                .anyMatch(f -> title.toLowerCase().contains(f.strip().toLowerCase()))).count();
        assertTrue(onSubject >= 2, after + " → " + top);
    }

    @Test
    void aQuestionNamingATopicIsAnsweredFromTheTopic() {
        ok(UNDERSTOOD, Map.of("after", "optimizers for pretraining"))
                .body("data.nextPapers.interpretedAs", equalTo("TOPIC"))
                .body("data.nextPapers.recommendations.reasons.flatten()", hasItem("IN_TOPIC"));
    }

    @Test
    void firstIsBounded() {
        as(null, NEXT, Map.of("after", "RoPE", "first", 51))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }

    @Test
    void recommendForLikedAndDislikedPapers() {
        String rope = id("2104.09864");
        String yarn = id("2309.00071");
        String mixtral = id("2401.04088");
        ok("{ recommend(positive: [\"" + rope + "\", \"" + yarn + "\"], negative: [\"" + mixtral + "\"], first: 5)"
                + " { reasons sharedTerms paper { arxivId } } }")
                .body("data.recommend.paper.arxivId", hasItem("2402.13753"))
                .body("data.recommend.paper.arxivId", not(hasItems("2104.09864", "2309.00071", "2401.04088")))
                .body("data.recommend[0].reasons", hasItem("SIMILAR_TEXT"));
        as(null, "{ recommend(positive: []) { score } }", Map.of())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }

    @Test
    void relatedIsAFieldOfPaperLoadedInBatches() {
        ok("{ papers(first: 5) { edges { node { title related(first: 2) { score paper { title } } } } } }")
                .body("data.papers.edges.node.related", everyItem(hasSize(2)));
    }

    @Test
    void aPaperAddedThroughTheServiceIsRecommendableAtOnceAndGoneWhenDeleted() {
        String rope = id("2104.09864");
        String created = as(Tokens.editor(), """
                mutation { createPaper(input: { title: "Rotary position embedding interpolation for long context windows",
                  tldr: "Rotary position embeddings (RoPE) extended to long context by interpolating positions." }) { id } }""",
                Map.of()).extract().path("data.createPaper.id");
        ok("{ relatedPapers(paperId: \"" + rope + "\", first: 10) { reasons paper { id } } }")
                .body("data.relatedPapers.paper.id", hasItem(created));
        as(Tokens.editor(), "mutation { deletePaper(id: \"" + created + "\") }", Map.of())
                .body("data.deletePaper", equalTo(true));
        ok("{ relatedPapers(paperId: \"" + rope + "\", first: 50) { paper { id } } }")
                .body("data.relatedPapers.paper.id", not(hasItem(created)));
    }

    @Test
    void readinessIncludesTheIndex() {
        io.restassured.RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("Recommendation index"));
        assertEquals(200, io.restassured.RestAssured.get("/q/health/live").statusCode());
    }

    private static String id(String arxivId) {
        return ok("{ paper(arxivId: \"" + arxivId + "\") { id } }").extract().path("data.paper.id");
    }
}
