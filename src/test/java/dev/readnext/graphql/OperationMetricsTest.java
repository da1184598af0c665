package dev.readnext.graphql;

import static dev.readnext.graphql.GraphQL.as;
import static dev.readnext.graphql.GraphQL.ok;
import static dev.readnext.graphql.GraphQL.query;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.readnext.ScrapedMetrics;
import dev.readnext.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Metrics per GraphQL operation, read from /q/metrics. The cap on operation names lasts as long as the service: the
 * test that fills it runs last, so that the names of the others still find room.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationMetricsTest {

    private static final String REQUESTS = "readnext_graphql_requests_seconds_count";
    private static final String BUCKETS = "readnext_graphql_requests_seconds_bucket";
    private static final String ERRORS = "readnext_graphql_errors_total";
    private static final int MAX_NAMES = 50; // readnext.metrics.max-operation-names

    @Test
    void aNamedQueryIsCountedAndTimedUnderItsNameAndType() {
        double before = ScrapedMetrics.scrape().value(REQUESTS, "operation", "CountPapers", "type", "query",
                "outcome", "success");

        ok("query CountPapers { papers(first: 1) { totalCount } }");
        ok("query CountPapers { papers(first: 2) { totalCount } }");

        ScrapedMetrics after = ScrapedMetrics.scrape();
        assertEquals(before + 2, after.value(REQUESTS, "operation", "CountPapers", "type", "query",
                "outcome", "success"));
        assertEquals(before + 2, after.value(BUCKETS, "operation", "CountPapers", "type", "query",
                "outcome", "success", "le", "+Inf"));
        assertTrue(after.has(BUCKETS, "operation", "CountPapers", "le", "0.1"), "a latency bucket of 100 ms");
    }

    @Test
    void anUnnamedOperationIsAnonymous() {
        double before = ScrapedMetrics.scrape().value(REQUESTS, "operation", "anonymous", "type", "query");

        ok("{ __typename }");

        assertEquals(before + 1, ScrapedMetrics.scrape().value(REQUESTS, "operation", "anonymous", "type", "query"));
    }

    @Test
    void aMutationIsTaggedMutation() {
        String id = ok("{ papers(first: 1) { edges { node { id } } } }").extract().path("data.papers.edges[0].node.id");
        double before = ScrapedMetrics.scrape().value(REQUESTS, "operation", "NameIt", "type", "mutation",
                "outcome", "success");

        as(Tokens.editor(), "mutation NameIt($id: ID!, $a: String!) { addAlias(paperId: $id, alias: $a) { aliases } }",
                Map.of("id", id, "a", "metrics alias " + UUID.randomUUID())).statusCode(200)
                .body("errors", equalTo(null));

        assertEquals(before + 1, ScrapedMetrics.scrape().value(REQUESTS, "operation", "NameIt", "type", "mutation",
                "outcome", "success"));
    }

    @Test
    void errorsAreCountedByTheirCode() {
        ScrapedMetrics before = ScrapedMetrics.scrape();

        query("query Recommend { recommend(positive: [\"999999999\"], negative: []) { score } }")
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        query("query Recommend { recommend(positive: [\"not-a-number\"], negative: []) { score } }")
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));

        ScrapedMetrics after = ScrapedMetrics.scrape();
        for (String code : Set.of("NOT_FOUND", "BAD_USER_INPUT")) {
            assertEquals(before.value(ERRORS, "operation", "Recommend", "type", "query", "code", code) + 1,
                    after.value(ERRORS, "operation", "Recommend", "type", "query", "code", code), code);
        }
        assertEquals(before.value(REQUESTS, "operation", "Recommend", "outcome", "error") + 2,
                after.value(REQUESTS, "operation", "Recommend", "outcome", "error"));
    }

    @Test
    void anOperationThatFailsValidationKeepsItsNameAndTypeEvenWhenTheDocumentIsCached() {
        String misspelled = "query Misspelled { paperz { id } }";
        double before = ScrapedMetrics.scrape().value(ERRORS, "operation", "Misspelled", "type", "query",
                "code", "BAD_USER_INPUT");

        query(misspelled).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        query(misspelled).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));

        assertEquals(before + 2, ScrapedMetrics.scrape().value(ERRORS, "operation", "Misspelled", "type", "query",
                "code", "BAD_USER_INPUT"));
    }

    @Test
    void aRequestRefusedBeforeParsingCountsItsErrorUnderUnknown() {
        double before = ScrapedMetrics.scrape().value(ERRORS, "operation", "unknown", "type", "unknown",
                "code", "BAD_USER_INPUT");

        query("query Broken { papers(first: 1) { totalCount }").body("errors[0].extensions.code",
                equalTo("BAD_USER_INPUT"));

        assertEquals(before + 1, ScrapedMetrics.scrape().value(ERRORS, "operation", "unknown", "type", "unknown",
                "code", "BAD_USER_INPUT"));
    }

    @Test
    void longOperationNamesAreCut() {
        String name = "Long" + UUID.randomUUID().toString().replace("-", "") + "x".repeat(200);

        ok("query " + name + " { __typename }");

        ScrapedMetrics after = ScrapedMetrics.scrape();
        assertEquals(1, after.value(REQUESTS, "operation", name.substring(0, 64)));
        assertFalse(after.has(REQUESTS, "operation", name));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void operationNamesAreCappedAndLaterOnesCountAsOther() {
        double otherBefore = ScrapedMetrics.scrape().value(REQUESTS, "operation", "other");
        String prefix = "Cap" + UUID.randomUUID().toString().replace("-", "");

        IntStream.range(0, MAX_NAMES + 10).forEach(i -> ok("query " + prefix + i + " { __typename }"));

        ScrapedMetrics after = ScrapedMetrics.scrape();
        Set<String> names = after.labelValues(REQUESTS, "operation");
        names.removeAll(Set.of("anonymous", "other"));
        assertTrue(names.size() <= MAX_NAMES, names.size() + " names: " + names);
        assertTrue(after.value(REQUESTS, "operation", "other") >= otherBefore + 10);
        assertFalse(names.contains(prefix + (MAX_NAMES + 9)), "the last name is counted as other");
        assertTrue(after.labelValues(ERRORS, "code").stream().allMatch(code -> Set.of("NOT_FOUND", "BAD_USER_INPUT",
                "UNAUTHENTICATED", "FORBIDDEN", "CONFLICT", "INTERNAL").contains(code)));
    }
}
