package dev.readnext.graphql;

import static dev.readnext.graphql.GraphQL.ok;
import static dev.readnext.graphql.GraphQL.query;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The depth and complexity limits are exactly those of SmallRye's keys in application.properties
 * ({@code quarkus.smallrye-graphql.instrumentation-query-depth=12}, {@code -complexity=500}): a query at the limit runs,
 * one step over it is refused with a coded error.
 */
@QuarkusTest
class QueryLimitsTest {

    @Test
    void queryAtTheDepthLimitRuns() {
        ok(topicsWithParents(10)); // topics, 10 × parent, slug: depth 12
    }

    @Test
    void queryOneLevelDeeperThanTheLimitIsBadUserInput() {
        query(topicsWithParents(11)).statusCode(200)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("depth exceeded 13 > 12"))
                .body("data", nullValue());
    }

    @Test
    void queryAtTheComplexityLimitRuns() {
        ok(aliasedTopics(250)); // 250 × (topics, slug): 500 fields
    }

    @Test
    void queryOneFieldOverTheComplexityLimitIsBadUserInput() {
        query(aliasedTopics(250).replace("a0: topics { slug }", "a0: topics { slug name }")).statusCode(200)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("complexity exceeded 501 > 500"))
                .body("data", nullValue());
    }

    private static String topicsWithParents(int parents) {
        return "{ topics { " + "parent { ".repeat(parents) + "slug" + " }".repeat(parents) + " } }";
    }

    private static String aliasedTopics(int count) {
        StringBuilder query = new StringBuilder("{ ");
        for (int i = 0; i < count; i++) {
            query.append('a').append(i).append(": topics { slug } ");
        }
        return query.append('}').toString();
    }
}
