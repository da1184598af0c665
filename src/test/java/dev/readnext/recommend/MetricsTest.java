package dev.readnext.recommend;

import static dev.readnext.graphql.GraphQL.as;
import static dev.readnext.graphql.GraphQL.ok;
import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.readnext.ScrapedMetrics;
import dev.readnext.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MetricsTest {

    private static final String RECOMMENDATIONS = "readnext_recommendations_seconds_count";
    private static final String SYNC_LAG = "readnext_index_sync_lag_seconds_count";

    @Test
    void latencyHistogramsAndIndexSizeAreExported() {
        ok("{ nextPapers(after: \"RoPE\", first: 3) { recommendations { score } } }");
        get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_bucket"))
                .body(containsString("readnext_recommendations_seconds_bucket"))
                .body(containsString("readnext_index_documents"))
                .body(containsString("readnext_index_postings"))
                .body(containsString("readnext_index_age_seconds"));
    }

    @Test
    void recommendationLatencyIsToldApartByField() {
        String id = ok("{ paper(arxivId: \"2104.09864\") { id } }").extract().path("data.paper.id");
        ScrapedMetrics before = ScrapedMetrics.scrape();

        ok("query R($id: ID!) { relatedPapers(paperId: $id, first: 2) { score } }", Map.of("id", id));
        ok("query P($id: ID!) { paper(id: $id) { related(first: 2) { score } } }", Map.of("id", id));
        ok("query N { nextPapers(after: \"RoPE\", first: 2) { recommendations { score } } }");
        ok("query S($id: String!) { recommend(positive: [$id], negative: [], first: 2) { score } }", Map.of("id", id));

        ScrapedMetrics after = ScrapedMetrics.scrape();
        for (String field : new String[] { "relatedPapers", "Paper.related", "nextPapers", "recommend" }) {
            assertTrue(after.value(RECOMMENDATIONS, "field", field) >= before.value(RECOMMENDATIONS, "field", field) + 1,
                    field);
        }
    }

    @Test
    void aPaperChangeIsTimedFromCommitToItsApplicationByTheSync() throws InterruptedException {
        String id = ok("{ paper(arxivId: \"2104.09864\") { id } }").extract().path("data.paper.id");
        double before = ScrapedMetrics.scrape().value(SYNC_LAG);

        as(Tokens.editor(), "mutation A($id: ID!, $a: String!) { addAlias(paperId: $id, alias: $a) { aliases } }",
                Map.of("id", id, "a", "sync lag " + UUID.randomUUID())).body("errors", equalTo(null));

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ScrapedMetrics.scrape().value(SYNC_LAG) < before + 1 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        ScrapedMetrics after = ScrapedMetrics.scrape();
        assertTrue(after.value(SYNC_LAG) >= before + 1, "the change applied by the sync is timed");
        assertTrue(after.value("readnext_index_sync_lag_seconds_sum") > 0);
    }
}
