package dev.readnext.recommend;

import static dev.readnext.graphql.GraphQL.as;
import static dev.readnext.graphql.GraphQL.query;
import static dev.readnext.recommend.embedding.EmbeddingHealth.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.readnext.api.Ids;
import dev.readnext.recommend.embedding.EmbeddingHealth;
import dev.readnext.recommend.embedding.PaperEmbeddings;
import dev.readnext.recommend.embedding.SemanticEnabled;
import dev.readnext.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A paper with a title and nothing else, in words that no paper on its subject uses, gets a paper on its subject among
 * its first neighbours through the semantic signal alone: TF-IDF has nothing to match it with. (One, not several:
 * all-MiniLM-L6-v2 reads titles literally, and "four binary digits" is close to "4-Bit" in Stable-SPAM's title but
 * not to the quantization papers' words; README "Semantic similarity".)
 */
@QuarkusTest
@TestProfile(SemanticEnabled.class)
class SemanticNeighboursTest {

    /** About quantization (4-bit weights), without "quantization", "bit", "weight", "precision" or "int4". */
    private static final String TITLE = "Storing each parameter in four binary digits with little loss";
    private static final Pattern ON_SUBJECT = Pattern.compile(
            "(?i).*(quantiz|\\b\\d+-bit\\b|\\bint8\\b|\\bfp[48]\\b|low-bit|low precision).*");
    private static final String RELATED = """
            query R($id: ID!) { relatedPapers(paperId: $id, first: 10) {
              paper { title } reasons sharedTerms explanation } }""";

    @Inject
    PaperEmbeddings embeddings;

    @Test
    void aBareTitleInOtherWordsFindsPapersOnItsSubject() throws InterruptedException {
        assertTrue(await(Duration.ofMinutes(2), EmbeddingHealth::nothingPending), "the seed papers are embedded");
        String id = as(Tokens.editor(), "mutation C($t: String!) { createPaper(input: { title: $t }) { id } }",
                Map.of("t", TITLE)).body("errors", nullValue()).extract().path("data.createPaper.id");
        long paperId = Ids.decode("id", id).key(); // the global id's database key
        assertTrue(await(Duration.ofSeconds(30), () -> embeddings.index().orElseThrow().contains(paperId)),
                "the new paper is embedded");

        List<Map<String, Object>> related = query(RELATED, Map.of("id", id)).body("errors", nullValue())
                .extract().path("data.relatedPapers");
        List<Map<String, Object>> onSubject = related.stream()
                .filter(r -> ON_SUBJECT.matcher(title(r)).matches()).toList();
        String shown = String.join("\n", related.stream().map(r -> title(r) + " " + r.get("reasons")).toList());
        assertTrue(related.subList(0, Math.min(3, related.size())).stream()
                .anyMatch(r -> ON_SUBJECT.matcher(title(r)).matches()), "a paper on quantization in the first 3:\n" + shown);
        for (Map<String, Object> r : onSubject) {
            assertTrue(((List<?>) r.get("sharedTerms")).isEmpty(), "shares no word: " + r);
            assertTrue(((List<?>) r.get("reasons")).contains("SEMANTICALLY_SIMILAR"), "similar in meaning: " + r);
            assertTrue(!((List<?>) r.get("reasons")).contains("SIMILAR_TEXT"), "not by its words: " + r);
        }
    }

    /** An embedding finds something near any text; words that no paper uses are still no subject. */
    @Test
    void wordsNoPaperUsesAreNoSubjectEvenWithEmbeddings() {
        query("query N($t: String!) { nextPapers(after: $t) { interpretedAs recommendations { paper { id } } } }",
                Map.of("t", "qwzxv blorfting the snargle")).body("errors", nullValue())
                .body("data.nextPapers.interpretedAs", equalTo("NOTHING"))
                .body("data.nextPapers.recommendations", empty());
    }

    @SuppressWarnings("unchecked")
    private static String title(Map<String, Object> recommendation) {
        return (String) ((Map<String, Object>) recommendation.get("paper")).get("title");
    }
}
