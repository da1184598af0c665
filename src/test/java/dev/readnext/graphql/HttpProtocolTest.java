package dev.readnext.graphql;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.readnext.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** GraphQL over HTTP: media types, methods, status codes, limits and CORS. */
@QuarkusTest
class HttpProtocolTest {

    @Test
    void postWithAnotherMediaTypeIs415() {
        given().contentType(ContentType.TEXT).body("{ papers { totalCount } }").post("/graphql").then()
                .statusCode(415)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }

    @Test
    void postOfATypeThatOnlyStartsWithApplicationJsonIs415AndRunsNothing() {
        String createTopic = "{\"query\": \"mutation { createTopic(name: \\\"Jsonp topic\\\") { slug } }\"}";
        given().header("Authorization", "Bearer " + Tokens.editor()).contentType("application/jsonp")
                .body(createTopic.getBytes(StandardCharsets.UTF_8))
                .post("/graphql").then()
                .statusCode(415)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        GraphQL.query("{ topic(slug: \"jsonp-topic\") { name } }")
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
    }

    @Test
    void postOfJsonWithACharsetIsServed() {
        given().contentType("application/json; charset=UTF-8").body("{\"query\": \"{ __typename }\"}")
                .post("/graphql").then()
                .statusCode(200)
                .body("data.__typename", equalTo("Query"));
    }

    /** SmallRye's GraphQL UI sends its media type twice in one header. */
    @Test
    void theSameJsonTypeGivenTwiceIsServed() {
        given().header("Content-Type", "application/json, application/json")
                .body("{\"query\": \"{ __typename }\"}".getBytes(StandardCharsets.UTF_8))
                .post("/graphql").then()
                .statusCode(200)
                .body("data.__typename", equalTo("Query"));
    }

    @Test
    void twoDifferentTypesInOneHeaderAre415() {
        given().header("Content-Type", "application/json, text/plain")
                .body("{\"query\": \"{ __typename }\"}".getBytes(StandardCharsets.UTF_8))
                .post("/graphql").then()
                .statusCode(415)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }

    @Test
    void postOfGraphQLResponseJsonIsServedAsJson() {
        given().contentType("application/graphql-response+json").body("{\"query\": \"{ __typename }\"}")
                .post("/graphql").then()
                .statusCode(200)
                .body("data.__typename", equalTo("Query"));
    }

    @Test
    void getIsRefusedWhenNotEnabled() {
        given().queryParam("query", "{ __typename }").get("/graphql").then()
                .statusCode(405)
                .header("Allow", "POST")
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }

    @Test
    void syntaxErrorIs400ForGraphQLResponseJsonClients() {
        given().contentType(ContentType.JSON).accept("application/graphql-response+json")
                .body(Map.of("query", "{ papers(first: 1 { totalCount } }")).post("/graphql").then()
                .statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }

    @Test
    void documentWithTooManyTokensIsRefusedBeforeExecution() {
        String query = "{ " + "__typename ".repeat(6000) + "}";
        given().contentType(ContentType.JSON).body(Map.of("query", query)).post("/graphql").then()
                .statusCode(200)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("token"))
                .body("data", nullValue());
    }

    @Test
    void bodyOverTheLimitIs413WithACode() {
        String query = "{ __typename }" + " ".repeat(5 * 1024 * 1024);
        given().contentType(ContentType.JSON).body(Map.of("query", query)).post("/graphql").then()
                .statusCode(413)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }

    @Test
    void corsPreflightFromTheConfiguredOriginIsAllowed() {
        given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,authorization")
                .options("/graphql").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173");
    }

    @Test
    void corsRequestFromAnotherOriginGetsNoAllowOrigin() {
        given().header("Origin", "https://evil.example").contentType(ContentType.JSON)
                .body(Map.of("query", "{ __typename }")).post("/graphql").then()
                .statusCode(not(equalTo(200)))
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
