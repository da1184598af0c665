package dev.readnext.recommend;

import static dev.readnext.graphql.GraphQL.ok;
import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MetricsTest {

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
}
