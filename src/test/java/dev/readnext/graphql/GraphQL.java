package dev.readnext.graphql;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Posts GraphQL requests to the running service, as a client would. */
public final class GraphQL {

    private GraphQL() {
    }

    public static ValidatableResponse query(String query) {
        return query(query, Map.of());
    }

    public static ValidatableResponse query(String query, Map<String, Object> variables) {
        return as(null, query, variables);
    }

    /** A request with "Authorization: Bearer token" (none when token is null). */
    public static ValidatableResponse as(String token, String query, Map<String, Object> variables) {
        var request = given();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON)
                .body(Map.of("query", query, "variables", variables))
                .when().post("/graphql")
                .then();
    }

    /** A successful response: HTTP 200 and no errors. */
    public static ValidatableResponse ok(String query) {
        return ok(query, Map.of());
    }

    public static ValidatableResponse ok(String query, Map<String, Object> variables) {
        return query(query, variables)
                .statusCode(200)
                .body("errors", org.hamcrest.Matchers.nullValue());
    }
}
