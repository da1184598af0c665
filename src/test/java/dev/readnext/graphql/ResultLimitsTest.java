package dev.readnext.graphql;

import static dev.readnext.graphql.GraphQL.ok;
import static dev.readnext.graphql.GraphQL.query;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The limits on what a running query produces, wired into the service: with small limits, queries the cost
 * estimate lets through are stopped by the values and the text they actually produce, with a coded error.
 */
@QuarkusTest
@TestProfile(ResultLimitsTest.SmallResultLimits.class)
class ResultLimitsTest {

    public static class SmallResultLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("readnext.graphql.max-result-nodes", "300", "readnext.graphql.max-result-chars", "2000");
        }
    }

    @Test
    void aQueryWithinTheLimitsIsAnswered() {
        ok("{ paper(id: \"2\") { title topics { slug } } }");
    }

    @Test
    void readingListEntriesBeyondTheValueLimitAreRefused() {
        // the seed's 285 entries, three values each
        query("{ readingLists { entries { position read } } }").statusCode(200)
                .body("data", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("more than 300 values"));
    }

    @Test
    void textBeyondTheCharacterLimitIsRefused() {
        query("{ papers(first: 60) { edges { node { title url } } } }").statusCode(200)
                .body("data", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("more than 2,000 characters of text"));
    }
}
