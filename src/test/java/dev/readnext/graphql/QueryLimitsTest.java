package dev.readnext.graphql;

import static dev.readnext.graphql.GraphQL.ok;
import static dev.readnext.graphql.GraphQL.query;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import graphql.introspection.IntrospectionQuery;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The depth and complexity limits are exactly those of SmallRye's keys in application.properties
 * ({@code quarkus.smallrye-graphql.instrumentation-query-depth=12}, {@code -complexity=500}): a query at the limit runs,
 * one step over it is refused with a coded error. Introspection has its own depth limit
 * ({@code readnext.graphql.max-introspection-depth=20}), so that the tools' standard query (13 deep) works.
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

    /** The query GraphiQL, codegen and IDE plugins send: 13 deep, over the data limit of 12. */
    @Test
    void theStandardIntrospectionQueryIsAnswered() {
        ok(IntrospectionQuery.INTROSPECTION_QUERY)
                .body("data.__schema.queryType.name", equalTo("Query"))
                .body("data.__schema.types.name", hasItem("Paper"));
    }

    @Test
    void introspectionOverItsOwnDepthLimitIsBadUserInput() {
        String deep = "{ __type(name: \"Paper\") { " + "ofType { ".repeat(19) + "name" + " }".repeat(19) + " } }";
        query(deep).statusCode(200)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("introspection depth exceeded 21 > 20"));
        ok(deep.replace("ofType { ofType { name } }", "name"));
    }

    /** Data cannot hide under introspection's larger limit. */
    @Test
    void dataBesideIntrospectionKeepsTheDataLimit() {
        query("{ __typename __schema { queryType { name } } " + topicsWithParents(11).substring(1)).statusCode(200)
                .body("errors[0].message", containsString("depth exceeded 13 > 12"));
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
