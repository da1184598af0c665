package dev.readnext.paper;

import static dev.readnext.graphql.GraphQL.as;
import static dev.readnext.graphql.GraphQL.ok;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.readnext.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class PaperMutationsTest {

    private static final String CREATE = """
            mutation C($input: PaperInput!) { createPaper(input: $input) { id slug title kind version year arxivId } }""";
    private static final String UPDATE = """
            mutation U($id: ID!, $version: Int!, $input: PaperInput!) {
              updatePaper(id: $id, version: $version, input: $input) { id title tldr version } }""";

    @Inject
    DataSource db;

    @Test
    void createWithoutTokenIsUnauthenticatedAndWritesNothing() throws SQLException {
        long before = papers();
        as(null, CREATE, Map.of("input", input("Anonymous paper"))).statusCode(200)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("data", nullValue());
        assertEquals(before, papers());
    }

    @Test
    void createWithAnotherRoleIsForbiddenAndWritesNothing() throws SQLException {
        long before = papers();
        String reader = Tokens.withGroups(Set.of("reader"), Duration.ofMinutes(5));
        as(reader, CREATE, Map.of("input", input("Reader paper"))).statusCode(200)
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        assertEquals(before, papers());
    }

    @Test
    void garbageTokenIs401UnauthenticatedAndWritesNothing() throws SQLException {
        long before = papers();
        as("not.a.jwt", CREATE, Map.of("input", input("Garbage paper"))).statusCode(401)
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        assertEquals(before, papers());
    }

    @Test
    void expiredEditorTokenIs401Unauthenticated() {
        String expired = Tokens.withGroups(Set.of("editor"), Duration.ofSeconds(-120));
        as(expired, CREATE, Map.of("input", input("Expired paper"))).statusCode(401)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void tokenSignedWithAnotherKeyIs401() throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = io.smallrye.jwt.build.Jwt.issuer(Tokens.ISSUER).upn("mallory").groups("editor")
                .sign(generator.generateKeyPair().getPrivate());
        as(forged, CREATE, Map.of("input", input("Forged paper"))).statusCode(401)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void queriesNeedNoToken() {
        as(null, "{ papers(first: 1) { totalCount } }", Map.of()).statusCode(200)
                .body("errors", nullValue())
                .body("data.papers.totalCount", notNullValue());
    }

    @Test
    void editorCreatesUpdatesAndDeletesAPaper() throws SQLException {
        long before = papers();
        Map<String, Object> created = as(Tokens.editor(), CREATE, Map.of("input", input("Grouped Query Attention")))
                .body("errors", nullValue())
                .body("data.createPaper.slug", equalTo("grouped-query-attention"))
                .body("data.createPaper.kind", equalTo("PAPER"))
                .extract().path("data.createPaper");
        assertEquals(before + 1, papers());
        String id = (String) created.get("id");

        Map<String, Object> changed = input("GQA: Training Generalized Multi-Query Transformer Models");
        changed.put("tldr", "Interpolates between multi-head and multi-query attention.");
        as(Tokens.editor(), UPDATE, Map.of("id", id, "version", created.get("version"), "input", changed))
                .body("errors", nullValue())
                .body("data.updatePaper.version", equalTo((Integer) created.get("version") + 1))
                .body("data.updatePaper.tldr", equalTo("Interpolates between multi-head and multi-query attention."));

        as(Tokens.editor(), "mutation D($id: ID!) { deletePaper(id: $id) }", Map.of("id", id))
                .body("data.deletePaper", equalTo(true));
        assertEquals(before, papers());
        ok("{ search(text: \"Generalized Multi-Query\") { paper { id } } }").body("data.search.paper.id", not(hasItem(id)));
    }

    @Test
    void staleVersionIsAConflictAndChangesNothing() {
        String id = as(Tokens.editor(), CREATE, Map.of("input", input("Paper edited twice"))).extract()
                .path("data.createPaper.id");
        as(Tokens.editor(), UPDATE, Map.of("id", id, "version", 0, "input", input("First edit")))
                .body("errors", nullValue());
        as(Tokens.editor(), UPDATE, Map.of("id", id, "version", 0, "input", input("Second edit from a stale copy")))
                .body("errors[0].extensions.code", equalTo("CONFLICT"))
                .body("errors[0].extensions.field", equalTo("version"));
        ok("{ paper(id: \"" + id + "\") { title version } }")
                .body("data.paper.title", equalTo("First edit"))
                .body("data.paper.version", equalTo(1));
    }

    @Test
    void invalidFieldsAreBadUserInputNamingTheField() throws SQLException {
        long before = papers();
        assertRejected(with("url", "javascript:alert(1)"), "url");
        assertRejected(with("codeUrl", "not a url"), "codeUrl");
        assertRejected(with("arxivId", "12345"), "arxivId");
        assertRejected(with("year", 1500), "year");
        assertRejected(with("title", "   "), "title");
        assertRejected(with("title", "x".repeat(501)), "title");
        assertRejected(with("arxivId", "2104.09864"), "arxivId");
        assertEquals(before, papers());
    }

    @Test
    void aliasesCanBeAddedResolvedAndRemoved() {
        String id = ok("{ paper(arxivId: \"2309.17453\") { id } }").extract().path("data.paper.id");
        String addAlias = "mutation A($id: ID!, $a: String!) { addAlias(paperId: $id, alias: $a) { aliases } }";
        as(Tokens.editor(), addAlias, Map.of("id", id, "a", "sink-token streaming"))
                .body("data.addAlias.aliases", hasItem("sink-token streaming"));
        ok("{ resolvePaper(text: \"Sink-Token Streaming\") { matchedBy paper { id } } }")
                .body("data.resolvePaper[0].paper.id", equalTo(id));
        String otherId = ok("{ paper(arxivId: \"2306.14048\") { id } }").extract().path("data.paper.id");
        as(Tokens.editor(), addAlias, Map.of("id", otherId, "a", "sink-token streaming"))
                .body("errors[0].extensions.code", equalTo("CONFLICT"));
        as(Tokens.editor(), "mutation R($id: ID!, $a: String!) { removeAlias(paperId: $id, alias: $a) { aliases } }",
                Map.of("id", id, "a", "sink-token streaming"))
                .body("data.removeAlias.aliases", not(hasItem("sink-token streaming")));
    }

    private void assertRejected(Map<String, Object> input, String field) {
        ValidatableResponse response = as(Tokens.editor(), CREATE, Map.of("input", input));
        response.body("errors[0].extensions.code", equalTo(field.equals("arxivId") && "2104.09864".equals(input.get("arxivId"))
                ? "CONFLICT" : "BAD_USER_INPUT"))
                .body("errors[0].extensions.field", equalTo(field));
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> input = input("Valid title");
        input.put(field, value);
        return input;
    }

    private static Map<String, Object> input(String title) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", title);
        input.put("kind", "PAPER");
        input.put("year", 2023);
        return input;
    }

    private long papers() throws SQLException {
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM paper")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
