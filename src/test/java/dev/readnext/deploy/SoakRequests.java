package dev.readnext.deploy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.readnext.security.Roles;
import dev.readnext.security.Tokens;

/**
 * The requests of the soak test: what the web page and scripts ask (legitimate), and what issue 12 found or feared
 * (hostile): nested lists, fragment fan-out, repeated-word searches, aliases times fragments, NUL bytes, out-of-range
 * Ints, wrong media types, oversized bodies, mutations without a valid editor token.
 */
final class SoakRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APPLICATION_JSON = "application/json";
    private static final String BAD_USER_INPUT = "BAD_USER_INPUT";
    private static final String UNAUTHENTICATED = "UNAUTHENTICATED";

    /**
     * One request: its kind (for the figures), the media type and bearer token it is sent with (either may be null),
     * its body, and the error code its answer must carry (null: any answer without an INTERNAL error, and for a
     * legitimate request, data without errors).
     */
    record Call(String kind, boolean hostile, String contentType, String token, byte[] body, String expectedCode) {

        HttpRequest request(URI graphql, Duration timeout) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(graphql).timeout(timeout)
                    .header("Accept", APPLICATION_JSON)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                builder.header("Content-Type", contentType);
            }
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            return builder.build();
        }

        @Override
        public String toString() {
            return kind;
        }
    }

    private SoakRequests() {
    }

    /** What clients ask, in the shapes of the README's examples and the web page's views. */
    static List<Call> legitimate(String ropeId, String dpoId) {
        return List.of(
                legit("papers", "{ papers(filter: { topic: \"mixture-of-experts\" }, first: 20) { totalCount"
                        + " edges { cursor node { title kind url arxivId lists { list { slug } read } } }"
                        + " pageInfo { hasNextPage endCursor } } }"),
                legit("paper", "{ paper(id: \"" + ropeId + "\") { id title tldr abstract authors aliases year"
                        + " topics { slug name } sessions { label title } related { score paper { title } } } }"),
                legit("search", "{ search(text: \"rotary position embedding\", first: 5) { score highlight paper { title } } }"),
                legit("search", "{ search(text: \"mixture of experts routing\", first: 20) { score highlight paper { title } } }"),
                legit("relatedPapers", "{ relatedPapers(paperId: \"" + dpoId + "\", first: 10) { score reasons"
                        + " sharedTerms paper { title } } }"),
                legit("nextPapers", "{ nextPapers(after: \"RoPE\", first: 3) { resolved { title arxivId }"
                        + " recommendations { score reasons sharedTerms paper { title } } } }"),
                legit("resolvePaper", "{ resolvePaper(text: \"the LoRA paper\") { score matchedBy paper { title arxivId } } }"),
                legit("topics", "{ topics { slug name paperCount parent { slug } children { slug } } }"),
                legit("courses", "{ courses { slug title } course(slug: \"llm-901\") { title sections { number title }"
                        + " sessions { position label date title readings { title tldr } } } }"),
                legit("learningPaths", "{ learningPaths(topic: \"pretraining\") { title steps { position note paper { title } } } }"));
    }

    /** Requests meant to exhaust the service, each a kind of its own. */
    static List<Call> hostile(String ropeId, String dpoId) {
        List<Call> calls = new ArrayList<>();
        // nested lists: refused by their cost, or (one level less) allowed and the costliest that is
        calls.add(refused("nested related x4", "{ paper(id: \"" + ropeId + "\") { " + nestedRelated(4, "id") + " } }"));
        calls.add(refused("nested related x5", "{ paper(id: \"" + ropeId + "\") { " + nestedRelated(5, "id title") + " } }"));
        calls.add(any("nested related x2 (allowed)", "{ paper(id: \"" + ropeId + "\") { " + nestedRelated(2, "id title") + " } }"));
        calls.add(refused("topics > papers > related", "{ topics { papers(first: 100) { edges { node { "
                + nestedRelated(2, "title") + " } } } } }"));
        calls.add(any("topics > papers > related (allowed)", "{ topics { papers(first: 10) { edges { node { title"
                + " related(first: 10) { paper { title } } } } } } }"));
        calls.add(refused("recommend > related", "{ recommend(positive: [\"" + ropeId + "\", \"" + dpoId + "\"],"
                + " negative: [], first: 50) { paper { " + nestedRelated(2, "id") + " } } }"));
        calls.add(any("recommend > related (allowed)", "{ recommend(positive: [\"" + ropeId + "\", \"" + dpoId + "\"],"
                + " negative: [], first: 50) { paper { title related(first: 50) { score paper { title } } } } }"));
        calls.add(refused("search > paper > related", "{ search(text: \"model\", first: 100) { paper { "
                + nestedRelated(2, "id") + " } } }"));
        calls.add(any("search > paper > related (allowed)", "{ search(text: \"model\", first: 50) { paper { title"
                + " related(first: 50) { paper { title } } } } }"));
        calls.add(refused("readingLists > entries > related", "{ readingLists { entries { paper { "
                + nestedRelated(2, "title") + " } } } }"));
        // fragments and aliases
        calls.add(refused("fragment fan-out x22", fragmentFanOut(22)));
        calls.add(refused("aliases x fragments", aliasesTimesFragments(40)));
        calls.add(refused("alias bomb x1000", aliasBomb(1000)));
        calls.add(refused("deep nesting x60", "{ topics { " + "children { ".repeat(60) + "slug" + " }".repeat(60) + " } }"));
        calls.add(any("introspection", "{ __schema { types { name kind fields { name args { name type { name kind"
                + " ofType { name kind ofType { name } } } } type { name kind ofType { name kind } } } } } }"));
        // the searches that cost PostgreSQL minutes before the search text was normalised
        calls.add(call("search model x83", search("model ".repeat(83)), null));
        calls.add(call("search learning x55", search("learning ".repeat(55)), null));
        calls.add(refused("search text 100k chars", search("rope ".repeat(20_000))));
        // NUL bytes in arguments, variables and the document
        calls.add(call("NUL in search", variables("query S($t: String!) { search(text: $t) { score } }", Map.of("t", "rope\u0000attention")), null));
        calls.add(call("NUL in slug", query("{ paper(slug: \"rope\\u0000\") { title } }"), null));
        calls.add(call("NUL in filter", query("{ papers(filter: { text: \"\\u0000\", topic: \"a\\u0000\" }) { totalCount } }"), null));
        calls.add(call("NUL in resolvePaper", query("{ resolvePaper(text: \"Ro\\u0000PE\") { score } }"), null));
        calls.add(refused("NUL in the document", query("{ papers(first: 1) { total\u0000Count } }")));
        calls.add(refused("NUL bytes as the body", new byte[] { '{', 0, 0, 0, '}' }));
        // Ints outside 32 bits
        calls.add(refused("Int 2^31 for first", query("{ papers(first: 2147483648) { totalCount } }")));
        calls.add(refused("Int -2^31-1 for first", query("{ search(text: \"rope\", first: -2147483649) { score } }")));
        calls.add(refused("Int 10^20 in related", query("{ paper(id: \"" + ropeId + "\") { related(first: 99999999999999999999) { score } } }")));
        calls.add(refused("Int variable 10^12", variables("query Q($f: Int) { papers(first: $f) { totalCount } }", Map.of("f", 1_000_000_000_000L))));
        calls.add(call("id 10^20", query("{ paper(id: \"99999999999999999999\") { title } }"), null));
        // media types and sizes
        for (String type : List.of("text/plain", "application/graphql", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/xml")) {
            calls.add(new Call("content type " + type.split(";")[0], true, type, null,
                    query("{ __typename }"), BAD_USER_INPUT));
        }
        calls.add(new Call("no content type", true, null, null, query("{ __typename }"), BAD_USER_INPUT));
        calls.add(refused("body over 4 MiB", variables("query Q($x: String) { __typename }", Map.of("x", "x".repeat(4 * 1024 * 1024 + 1)))));
        // writes without a valid editor token: refused before anything is written
        byte[] delete = query("mutation { deleteTopic(slug: \"architecture\") }");
        byte[] create = query("mutation { createPaper(input: { title: \"Injected\" }) { id } }");
        byte[] importList = variables("mutation I($c: String!) { importReadingList(name: \"injected\", content: $c) { created } }",
                Map.of("c", "- [Injected](https://example.org/injected)"));
        calls.add(mutation("mutation without token", delete, null, UNAUTHENTICATED));
        calls.add(mutation("import without token", importList, null, UNAUTHENTICATED));
        calls.add(mutation("mutation with alg none token", create, "eyJhbGciOiJub25lIn0.eyJncm91cHMiOlsiZWRpdG9yIl19.", UNAUTHENTICATED));
        calls.add(mutation("mutation with tampered token", delete, tampered(Tokens.editor()), UNAUTHENTICATED));
        calls.add(mutation("mutation with expired token", create, Tokens.withGroups(Set.of(Roles.EDITOR), Duration.ofHours(-1)), UNAUTHENTICATED));
        calls.add(mutation("mutation for another audience", importList, Tokens.editorFor("another-service", Set.of(Roles.EDITOR),
                Duration.ofHours(2)), UNAUTHENTICATED));
        calls.add(mutation("mutation with reader token", delete, Tokens.withGroups(Set.of("reader"), Duration.ofHours(2)), "FORBIDDEN"));
        return calls;
    }

    /** {@code related(first: 50) { paper { … } }} nested {@code levels} deep around the innermost fields. */
    static String nestedRelated(int levels, String innermost) {
        return "related(first: 50) { paper { ".repeat(levels) + innermost + " } }".repeat(levels);
    }

    /** Fragments that spread the one before twice: {@code fragment Fi on Paper { ...F(i-1) a: id ...F(i-1) }}. */
    static String fragmentFanOut(int fragments) {
        StringBuilder query = new StringBuilder("{ papers(first: 100) { edges { node { ...F" + (fragments - 1) + " } } } }\n");
        query.append("fragment F0 on Paper { id title }\n");
        for (int i = 1; i < fragments; i++) {
            query.append("fragment F").append(i).append(" on Paper { ...F").append(i - 1).append(" a: id ...F")
                    .append(i - 1).append(" }\n");
        }
        return query.toString();
    }

    /** Many aliases of a costly top-level list, each spreading one fragment with a nested list. */
    static String aliasesTimesFragments(int aliases) {
        StringBuilder query = new StringBuilder("fragment P on Paper { title abstract authors topics { slug }"
                + " related(first: 50) { paper { title abstract } } }\n{ ");
        for (int i = 0; i < aliases; i++) {
            query.append("a").append(i).append(": papers(first: 100) { edges { node { ...P } } } ");
        }
        return query.append("}").toString();
    }

    static String aliasBomb(int aliases) {
        StringBuilder query = new StringBuilder("{ ");
        for (int i = 0; i < aliases; i++) {
            query.append("a").append(i).append(": papers(first: 100) { edges { node { title topics { slug } } } } ");
        }
        return query.append("}").toString();
    }

    private static byte[] search(String text) {
        return variables("query S($text: String!) { search(text: $text, first: 100) { score highlight paper { title } } }",
                Map.of("text", text));
    }

    /** A signed token whose payload was changed afterwards (its signature no longer matches). */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        char last = parts[1].charAt(parts[1].length() - 2);
        parts[1] = parts[1].substring(0, parts[1].length() - 2) + (last == 'A' ? 'B' : 'A') + parts[1].charAt(parts[1].length() - 1);
        return String.join(".", parts);
    }

    static Call legit(String kind, String query) {
        return new Call(kind, false, APPLICATION_JSON, null, query(query), null);
    }

    private static Call any(String kind, String query) {
        return call(kind, query(query), null);
    }

    private static Call refused(String kind, String query) {
        return refused(kind, query(query));
    }

    private static Call refused(String kind, byte[] body) {
        return call(kind, body, BAD_USER_INPUT);
    }

    private static Call call(String kind, byte[] body, String expectedCode) {
        return new Call(kind, true, APPLICATION_JSON, null, body, expectedCode);
    }

    private static Call mutation(String kind, byte[] body, String token, String expectedCode) {
        return new Call(kind, true, APPLICATION_JSON, token, body, expectedCode);
    }

    private static byte[] query(String query) {
        return variables(query, Map.of());
    }

    private static byte[] variables(String query, Map<String, Object> variables) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", query);
        request.put("variables", variables);
        try {
            return JSON.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
