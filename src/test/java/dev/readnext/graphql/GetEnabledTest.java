package dev.readnext.graphql;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With GET enabled, queries work over GET and mutations never do. */
@QuarkusTest
@TestProfile(GetEnabledTest.GetEnabled.class)
class GetEnabledTest {

    public static class GetEnabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.smallrye-graphql.http.get.enabled", "true", "readnext.seed.enabled", "false");
        }
    }

    @Test
    void queriesWorkOverGet() {
        given().queryParam("query", "{ __typename }").get("/graphql").then()
                .statusCode(200)
                .body("data.__typename", equalTo("Query"));
    }

    @Test
    void mutationsAreRefusedOverGet() {
        given().queryParam("query", "mutation { deleteTopic(slug: \"architecture\") }").get("/graphql").then()
                .statusCode(405)
                .header("Allow", "POST")
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }

    @Test
    void aMutationAlreadyParsedForAPostIsStillRefusedOverGet() {
        String mutation = "mutation { deleteTopic(slug: \"no-such-topic\") }";
        GraphQL.query(mutation).statusCode(200).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        given().queryParam("query", mutation).get("/graphql").then()
                .statusCode(405)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }
}
