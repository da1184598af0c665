package dev.readnext.paper;

import static dev.readnext.graphql.GraphQL.ok;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Searches written to make PostgreSQL work for minutes (a word repeated dozens of times cost ts_rank_cd and
 * ts_headline minutes over 75k papers) are answered like ordinary ones, and do not hold up other requests.
 */
@QuarkusTest
class HostileSearchTest {

    private static final String MODEL_83 = "model ".repeat(83);
    private static final String LEARNING_55 = "learning ".repeat(55);
    private static final String SEARCH = """
            query S($text: String!) { search(text: $text, first: 100) { score highlight paper { title } } }""";

    @Test
    void theRepeatedWordsAreOneTermForPostgres() {
        assertEquals("model", SearchText.of(MODEL_83).query());
        assertTrue(SearchText.of(MODEL_83 + LEARNING_55 + "rotary ".repeat(40)).terms() <= SearchText.MAX_TERMS);
    }

    @Test
    void aWordRepeatedEightyThreeTimesIsAnsweredAsTheWordOnce() {
        List<String> once = ok(SEARCH, Map.of("text", "embedding")).extract().path("data.search.paper.title");
        ok(SEARCH, Map.of("text", "embedding ".repeat(50))).body("data.search.paper.title", equalTo(once));
        ok(SEARCH, Map.of("text", MODEL_83)).body("data.search.size()", greaterThan(0));
    }

    @Test
    void theTextFilterOfPapersTakesRepeatedWordsToo() {
        int once = ok("{ papers(filter: { text: \"rotary\" }) { totalCount } }").extract()
                .path("data.papers.totalCount");
        ok("query P($text: String!) { papers(filter: { text: $text }) { totalCount } }",
                Map.of("text", "rotary ".repeat(70))).body("data.papers.totalCount", equalTo(once));
    }

    @Test
    void phrasesOrAndExclusionStillWork() {
        ok(SEARCH, Map.of("text", "\"rotary position\" -yarn " + "rope or rotary ".repeat(20)))
                .body("data.search.paper.title",
                        hasItem("RoFormer: Enhanced Transformer with Rotary Position Embedding"));
    }

    @Test
    void aTrivialQueryAnswersWhileEightHostileSearchesRun() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(9);
        try {
            List<Future<?>> hostile = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String text = i % 2 == 0 ? MODEL_83 : LEARNING_55;
                hostile.add(clients.submit(() -> ok(SEARCH, Map.of("text", text))));
            }
            Future<Integer> trivial = clients.submit(() -> ok("{ papers(first: 1) { totalCount } }").extract()
                    .<Integer>path("data.papers.totalCount"));

            assertTrue(trivial.get(2, TimeUnit.MINUTES) > 0);
            for (Future<?> search : hostile) {
                search.get(2, TimeUnit.MINUTES); // answered, without errors (ok() checks)
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
