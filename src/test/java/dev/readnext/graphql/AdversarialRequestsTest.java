package dev.readnext.graphql;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.readnext.DatabaseState;
import dev.readnext.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Generated malformed and hostile requests. Each is answered without a 500, with a coded error whenever it is an
 * error, without leaking the implementation, and the knowledge base is unchanged afterwards.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdversarialRequestsTest {

    private static final Set<Integer> ACCEPTABLE_STATUS = Set.of(200, 400, 401, 405, 413, 415);
    private static final List<String> LEAKS = List.of("Exception", "exception", "\tat ", "java.", "org.hibernate",
            "dev.readnext", "SELECT ", "select ", "PSQLException", "stack");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource db;

    private Map<String, List<String>> before;

    record Case(String name, byte[] body, String contentType, String token) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void snapshot() throws SQLException {
        before = DatabaseState.rowVersions(db);
    }

    @AfterAll
    void databaseIsUnchanged() throws SQLException {
        assertEquals(before, DatabaseState.rowVersions(db));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answeredWithACodedErrorAndNo500(Case c) throws Exception {
        // RestAssured would re-encode form and XML bodies: send those as text, everything else as raw bytes
        boolean textual = c.contentType().startsWith("application/x-www-form") || c.contentType().endsWith("xml");
        var request = given().contentType(c.contentType())
                .body(textual ? new String(c.body(), StandardCharsets.UTF_8) : c.body());
        if (c.token() != null) {
            request.header("Authorization", "Bearer " + c.token());
        }
        Response response = request.post("/graphql");
        String body = response.asString();
        assertTrue(ACCEPTABLE_STATUS.contains(response.statusCode()), "status " + response.statusCode() + ": " + cut(body));
        for (String leak : LEAKS) {
            assertFalse(body.contains(leak), "leaks '" + leak + "': " + cut(body));
        }
        var json = JSON.readTree(body);
        if (response.statusCode() != 200) {
            assertTrue(json.path("errors").size() > 0, "an error status comes with errors: " + cut(body));
        }
        for (var error : json.path("errors")) {
            assertNotNull(error.path("extensions").path("code").textValue(), "coded: " + cut(body));
            assertFalse(error.path("extensions").path("code").asText().equals("INTERNAL"), "not INTERNAL: " + cut(body));
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String editor = Tokens.editor();
        // deep nesting, alias and fragment bombs
        cases.add(query("deep children nesting", "{ topics { " + "children { ".repeat(60) + "slug" + " }".repeat(60) + " } }"));
        cases.add(query("deep parent nesting", "{ topic(slug: \"architecture\") { " + "parent { ".repeat(200) + "slug"
                + " }".repeat(200) + " } }"));
        StringBuilder aliases = new StringBuilder("{ ");
        for (int i = 0; i < 1000; i++) {
            aliases.append("a").append(i).append(": papers(first: 100) { edges { node { title topics { slug } } } } ");
        }
        cases.add(query("alias bomb", aliases.append("}").toString()));
        cases.add(query("fragment cycle", "fragment A on Topic { children { ...A } } { topics { ...A } }"));
        cases.add(query("fragment fan-out", "fragment P on Paper { title topics { slug } lists { read } } { papers(first: 100) { edges { node { "
                + "...P ".repeat(2000) + "} } } }"));
        cases.add(query("many operations without a name", "query A { __typename } query B { __typename }"));
        // huge strings
        cases.add(query("huge search text", "{ search(text: \"" + "rope ".repeat(200_000) + "\") { score } }"));
        cases.add(query("huge resolve text", "{ resolvePaper(text: \"" + "x".repeat(100_000) + "\") { score } }"));
        cases.add(query("huge filter text", "{ papers(filter: { text: \"" + "y".repeat(100_000) + "\" }) { totalCount } }"));
        cases.add(query("huge slug", "{ topic(slug: \"" + "z".repeat(100_000) + "\") { name } }"));
        cases.add(query("huge cursor", "{ papers(after: \"" + "A".repeat(100_000) + "\") { totalCount } }"));
        // SQL metacharacters and LIKE wildcards
        for (String hostile : List.of("' OR 1=1 --", "%", "_", "%_%", "\\\\", "$$; DROP TABLE paper; $$", "'); DELETE FROM paper; --",
                "\\\" OR \\\"\\\"=\\\"", "rope & | ! ( ) :*", "<script>alert(1)</script>", "\u202e\u200b🙃")) {
            cases.add(query("search " + hostile, "{ search(text: \"" + hostile + "\") { score } }"));
            cases.add(query("resolve " + hostile, "{ resolvePaper(text: \"" + hostile + "\") { score } }"));
            cases.add(query("filter " + hostile, "{ papers(filter: { text: \"" + hostile + "\", topic: \"" + hostile
                    + "\" }) { totalCount } }"));
            cases.add(query("slug " + hostile, "{ course(slug: \"" + hostile + "\") { title } }"));
            cases.add(query("arxiv " + hostile, "{ paper(arxivId: \"" + hostile + "\") { title } }"));
        }
        // wrong types, unknown fields and arguments, bad variables
        cases.add(query("string for Int", "{ papers(first: \"ten\") { totalCount } }"));
        cases.add(query("float for Int", "{ papers(first: 1.5) { totalCount } }"));
        cases.add(query("Int overflow", "{ papers(first: 99999999999999999999) { totalCount } }"));
        cases.add(query("object for ID", "{ paper(id: { a: 1 }) { title } }"));
        cases.add(query("string for input object", "{ papers(filter: \"x\") { totalCount } }"));
        cases.add(query("unknown enum", "{ papers(filter: { kind: BOOK }) { totalCount } }"));
        cases.add(query("unknown field", "{ papers { nope } }"));
        cases.add(query("unknown argument", "{ papers(nope: 1) { totalCount } }"));
        cases.add(query("unknown directive", "{ papers @nope { totalCount } }"));
        cases.add(query("bad directive argument", "{ papers @include(if: \"yes\") { totalCount } }"));
        cases.add(query("missing selection", "{ papers }"));
        cases.add(query("scalar with selection", "{ courses { slug { x } } }"));
        cases.add(json("variable of the wrong type",
                Map.of("query", "query Q($f: Int) { papers(first: $f) { totalCount } }", "variables", Map.of("f", "abc"))));
        cases.add(json("undeclared variable", Map.of("query", "{ papers(first: $f) { totalCount } }")));
        cases.add(json("unknown operation name", Map.of("query", "query A { __typename }", "operationName", "B")));
        cases.add(json("variables not an object", Map.of("query", "{ __typename }", "variables", List.of(1, 2))));
        cases.add(query("negative first", "{ search(text: \"rope\", first: -1) { score } }"));
        cases.add(query("huge first", "{ resolvePaper(text: \"rope\", first: 1000000) { score } }"));
        cases.add(query("zero id", "{ paper(id: \"0\") { title } }"));
        cases.add(query("two keys for one paper", "{ paper(id: \"1\", slug: \"x\") { title } }"));
        cases.add(query("no key for a paper", "{ paper { title } }"));
        // bodies that are not GraphQL requests
        cases.add(raw("invalid UTF-8", new byte[] { '{', '"', 'q', 'u', 'e', 'r', 'y', '"', ':', '"', (byte) 0xC3, (byte) 0x28,
                (byte) 0xFF, '"', '}' }, "application/json"));
        cases.add(raw("empty body", new byte[0], "application/json"));
        cases.add(raw("JSON array (batch)", "[{\"query\":\"{ __typename }\"}]".getBytes(StandardCharsets.UTF_8), "application/json"));
        cases.add(raw("query null", "{\"query\":null}".getBytes(StandardCharsets.UTF_8), "application/json"));
        cases.add(raw("query number", "{\"query\":42}".getBytes(StandardCharsets.UTF_8), "application/json"));
        cases.add(raw("deeply nested JSON", ("{\"query\":\"{ __typename }\",\"variables\":" + "[".repeat(5000) + "]".repeat(5000)
                + "}").getBytes(StandardCharsets.UTF_8), "application/json"));
        cases.add(raw("binary", new byte[] { 0, 1, 2, 3, (byte) 0x89, 'P', 'N', 'G' }, "application/json"));
        cases.add(raw("form post", "query=%7B__typename%7D".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded"));
        cases.add(raw("xml", "<query>{ __typename }</query>".getBytes(StandardCharsets.UTF_8), "application/xml"));
        // hostile writes: refused before anything is written
        cases.add(new Case("mutation without token", body(Map.of("query", "mutation { deleteTopic(slug: \"architecture\") }")),
                "application/json", null));
        cases.add(new Case("forged token", body(Map.of("query", "mutation { deleteTopic(slug: \"architecture\") }")),
                "application/json", "eyJhbGciOiJub25lIn0.eyJncm91cHMiOlsiZWRpdG9yIl19."));
        for (String field : List.of("title: \"\\u0000\"", "title: \"" + "t".repeat(10_000) + "\"",
                "title: \"x\", url: \"javascript:alert(1)\"", "title: \"x\", arxivId: \"../../etc/passwd\"",
                "title: \"x\", year: -5", "title: \"x\", authors: [\"" + "a".repeat(1000) + "\"]")) {
            cases.add(new Case("createPaper " + field.substring(0, Math.min(40, field.length())),
                    body(Map.of("query", "mutation { createPaper(input: { " + field + " }) { id } }")), "application/json", editor));
        }
        cases.add(new Case("import of binary", body(Map.of("query",
                "mutation I($c: String!) { importReadingList(name: \"bin\", content: $c) { created } }",
                "variables", Map.of("c", "\u0000\u0001\u0002\u0003"))), "application/json", editor));
        cases.add(new Case("import with a nameless name", body(Map.of("query",
                "mutation { importReadingList(name: \"!!!\", content: \"- [a](https://a.org)\") { created } }")),
                "application/json", editor));
        return cases.stream();
    }

    private static Case query(String name, String query) {
        return json(name, Map.of("query", query));
    }

    private static Case json(String name, Map<String, Object> request) {
        return new Case(name, body(request), "application/json", null);
    }

    private static Case raw(String name, byte[] body, String contentType) {
        return new Case(name, body, contentType, null);
    }

    private static byte[] body(Map<String, Object> request) {
        try {
            return JSON.writeValueAsBytes(request);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String body) {
        return body.length() <= 400 ? body : body.substring(0, 400) + "…";
    }
}
