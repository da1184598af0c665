package dev.readnext.graphql;

import static dev.readnext.graphql.GraphQL.query;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Bad requests get a GraphQL error with extensions.code, never a 500, a stack trace or a class name. */
@QuarkusTest
class ErrorResponsesTest {

    @Test
    void malformedQueryIsBadUserInputWithItsLocation() {
        clean(query("{ papers(first: 1 { totalCount } }").statusCode(200))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].locations[0].line", equalTo(1));
    }

    @Test
    void unknownFieldIsBadUserInput() {
        clean(query("{ papers { nope } }").statusCode(200))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("nope"));
    }

    @Test
    void unknownIdIsNotFound() {
        clean(query("{ paper(id: \"987654321\") { title } }").statusCode(200))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"))
                .body("data.paper", equalTo(null));
    }

    @Test
    void idThatIsNotAnIdIsBadUserInput() {
        clean(query("{ paper(id: \"abc'; drop table paper\") { title } }"))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", equalTo("id"));
    }

    @Test
    void unknownSlugsAreNotFound() {
        for (String q : new String[] { "{ course(slug: \"nope\") { title } }", "{ topic(slug: \"nope\") { name } }",
                "{ readingList(slug: \"nope\") { name } }", "{ learningPath(slug: \"nope\") { title } }",
                "{ papers(filter: { topic: \"nope\" }) { totalCount } }" }) {
            clean(query(q)).body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        }
    }

    @Test
    void nulByteThatReachesTheDatabaseIsBadUserInput() {
        clean(query("{ paper(slug: \"a\\u0000b\") { title } }").statusCode(200))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("NUL"));
    }

    @Test
    void oversizedPageIsBadUserInput() {
        clean(query("{ papers(first: 100000) { totalCount } }").statusCode(200))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", equalTo("first"));
    }

    @Test
    void negativePageIsBadUserInput() {
        clean(query("{ papers(first: -1) { totalCount } }").statusCode(200))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        clean(query("{ search(text: \"rope\", first: -5) { score } }"))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }

    @Test
    void intLiteralBeyond32BitsIsBadUserInputRatherThanWrapped() {
        clean(query("{ papers(first: 4294967306) { totalCount } }").statusCode(200)) // would wrap to 10
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", equalTo("first"))
                .body("data", equalTo(null));
        clean(query("{ papers(filter: { year: 4294969322 }) { totalCount } }")) // would wrap to 2026
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", equalTo("year"));
    }

    @Test
    void intVariableBeyond32BitsOrWithAFractionIsBadUserInput() {
        String page = "query P($first: Int) { papers(first: $first) { totalCount } }";
        clean(query(page, Map.of("first", 4294967306L)).statusCode(200))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", equalTo("first"));
        clean(query(page, Map.of("first", 1.5)))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        clean(query("query F($filter: PaperFilter) { papers(filter: $filter) { totalCount } }",
                Map.of("filter", Map.of("year", 4294969322L))))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", equalTo("year"));
    }

    /** SmallRye's message ids ("SRGQL000022: Can not parse a number…") are internal: the message goes without */
    @ParameterizedTest
    @MethodSource("malformedArguments")
    void malformedArgumentsAndVariablesAreBadUserInputWithoutInternalCodes(String query, Map<String, Object> variables) {
        clean(query(query, variables).statusCode(200))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", not(containsString("SRGQL")))
                .body("data", equalTo(null));
    }

    static Stream<Arguments> malformedArguments() {
        String first = "query P($first: Int) { papers(first: $first) { totalCount } }";
        return Stream.of(
                Arguments.of("{ papers(first: \"ten\") { totalCount } }", Map.of()),
                Arguments.of("{ search(text: \"x\", first: 2.5) { score } }", Map.of()),
                Arguments.of("{ paper(id: 1.5) { title } }", Map.of()),
                Arguments.of("{ course(slug: 12) { title } }", Map.of()),
                Arguments.of(first, Map.of("first", "abc")),
                Arguments.of(first, Map.of("first", true)),
                Arguments.of("query F($read: Boolean) { papers(filter: { read: $read }) { totalCount } }",
                        Map.of("read", "yes")),
                Arguments.of("query K($kind: ResourceKind) { papers(filter: { kind: $kind }) { totalCount } }",
                        Map.of("kind", "NOPE")),
                Arguments.of("query N($ids: [ID!]!) { nodes(ids: $ids) { id } }", Map.of("ids", List.of(1.5))),
                Arguments.of("query R($r: Float) { papers(first: $r) { totalCount } }", Map.of("r", 1.0)));
    }

    @Test
    void forgedCursorIsBadUserInput() {
        clean(query("{ papers(after: \"not-a-cursor\") { totalCount } }"))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", equalTo("after"));
    }

    @Test
    void wrongArgumentTypeIsBadUserInput() {
        clean(query("{ papers(first: \"ten\") { totalCount } }"))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }

    @Test
    void queryDeeperThanTheLimitIsBadUserInput() {
        String deep = "{ topics { " + "parent { ".repeat(14) + "slug" + " }".repeat(14) + " } }";
        clean(query(deep).statusCode(200))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("depth"));
    }

    @Test
    void bodyThatIsNotJsonIs400WithACode() {
        clean(given().contentType(ContentType.JSON).body("{ papers { totalCount }").post("/graphql").then()
                .statusCode(400))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        clean(given().contentType(ContentType.JSON).body("{\"variables\": {}}").post("/graphql").then()
                .statusCode(400))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }

    /** Every error has a code; nothing of the implementation leaks. */
    private static ValidatableResponse clean(ValidatableResponse response) {
        return response
                .statusCode(not(equalTo(500)))
                .body("errors", notNullValue())
                .body("errors.extensions.code", everyItem(notNullValue()))
                .body("errors.extensions.code", not(hasItem("INTERNAL")))
                .body(not(containsString("Exception")))
                .body(not(containsString("dev.readnext")))
                .body(not(containsString("SELECT")))
                .body(not(containsString("\tat ")))
                .body(not(containsString("SRGQL")));
    }
}
