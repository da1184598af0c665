package dev.readnext.reader;

import static dev.readnext.graphql.GraphQL.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import dev.readnext.ingest.parse.BibtexParser;
import dev.readnext.ingest.parse.ParsedEntry;
import dev.readnext.ingest.parse.ParsedResource;
import dev.readnext.security.Tokens;

/** Reader.export over HTTP against the seeded database: what a reader's BibTeX and CSL-JSON hold, and the way back. */
@QuarkusTest
class ReaderExportTest {

    private static final String EXPORT = "query E($format: LibraryFormat!, $list: String) {"
            + " me { export(format: $format, list: $list) } }";
    private static final String IMPORT = "mutation I($name: String!, $content: String!) {"
            + " importReadingList(name: $name, content: $content) { created warnings { line message } } }";

    private String alice;
    private String bob;
    /** alice's: three papers and a blog post; bob's: one paper of his own */
    private List<Map<String, String>> hers;
    private Map<String, String> his;
    private String herList;

    @BeforeEach
    void twoReadersWithLibraries() {
        alice = Tokens.reader("alice-" + UUID.randomUUID(), "Alice");
        bob = Tokens.reader("bob-" + UUID.randomUUID(), "Bob");
        ValidatableResponse papers = ok(null, "{ papers(filter: { kind: PAPER }, first: 4)"
                + " { nodes { id title arxivId } }"
                + " blogs: papers(filter: { kind: BLOG }, first: 1) { nodes { id title arxivId } } }", Map.of());
        List<Map<String, String>> four = papers.extract().path("data.papers.nodes");
        List<Map<String, String>> blog = papers.extract().path("data.blogs.nodes");
        hers = List.of(four.get(0), four.get(1), four.get(2), blog.get(0));
        his = four.get(3);
        herList = "Thesis " + UUID.randomUUID().toString().substring(0, 8);
        save(alice, hers.get(0).get("id"), herList);
        save(alice, hers.get(1).get("id"), herList);
        save(alice, hers.get(3).get("id"), "Blogs");
        markRead(alice, hers.get(2).get("id"));
        markRead(alice, hers.get(0).get("id"));
        save(bob, his.get("id"), herList);
        markRead(bob, his.get("id"));
    }

    @Test
    void aBibtexExportHoldsTheReadersListedAndReadPapersOnceAndNothingOfAnotherReaders() {
        String bib = export(alice, "BIBTEX", null);
        List<ParsedResource> entries = parse(bib);
        assertEquals(titles(hers), entries.stream().map(ParsedResource::title).collect(Collectors.toSet()));
        assertEquals(4, entries.size(), bib);
        assertFalse(bib.contains(his.get("title")), bib);
        for (Map<String, String> paper : hers) {
            if (paper.get("arxivId") != null) {
                assertTrue(bib.contains("  eprint = {" + paper.get("arxivId") + "},\n  archivePrefix = {arXiv},\n"),
                        bib);
                assertTrue(bib.contains("  url = {https://arxiv.org/abs/" + paper.get("arxivId") + "},\n"), bib);
            }
        }
        assertEquals(4, bib.lines().filter(line -> line.startsWith("@misc{")).distinct().count(), "unique keys");
    }

    @Test
    void aCslJsonExportIsAJsonArrayOfItemsWithTheRequiredFields() throws Exception {
        JsonNode items = new ObjectMapper().readTree(export(alice, "CSL_JSON", null));
        assertTrue(items.isArray());
        assertEquals(titles(hers), titlesOf(items));
        Set<String> ids = new HashSet<>();
        for (JsonNode item : items) {
            assertTrue(ids.add(item.get("id").asText()), "unique ids");
            assertTrue(Set.of("article", "post-weblog").contains(item.get("type").asText()), item.toString());
            String arxivId = hers.stream().filter(p -> p.get("title").equals(item.get("title").asText()))
                    .findFirst().orElseThrow().get("arxivId");
            if (arxivId != null) {
                assertEquals("arXiv:" + arxivId, item.get("number").asText());
                assertEquals("https://arxiv.org/abs/" + arxivId, item.get("URL").asText());
                assertEquals("10.48550/arXiv." + arxivId, item.get("DOI").asText());
            }
            for (JsonNode author : item.path("author")) {
                assertTrue(author.has("literal") || author.has("family") && author.has("given"), author.toString());
            }
        }
        JsonNode bobs = new ObjectMapper().readTree(export(bob, "CSL_JSON", null));
        assertEquals(Set.of(his.get("title")), titlesOf(bobs));
    }

    @Test
    void anExportOfOneListHoldsItInOrderAndAnotherNameIsNotFound() {
        List<ParsedResource> entries = parse(export(alice, "BIBTEX", "  " + herList.toUpperCase() + "! "));
        assertEquals(List.of(hers.get(0).get("title"), hers.get(1).get("title")),
                entries.stream().map(ParsedResource::title).toList());
        as(alice, EXPORT, Map.of("format", "BIBTEX", "list", "Not one of hers"))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"))
                .body("errors[0].message", equalTo("no reading list of yours with name Not one of hers"));
    }

    @Test
    void aRequestHoldsAtMostFourExports() {
        String five = "{ me { a: export(format: BIBTEX) b: export(format: BIBTEX) c: export(format: CSL_JSON)"
                + " d: export(format: CSL_JSON) e: export(format: CSL_JSON) } }";
        as(alice, five, Map.of()).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", startsWith("The query costs 10,001, more than the limit of 10,000"));
        ok(alice, five.replace(" e: export(format: CSL_JSON)", ""), Map.of());
    }

    @Test
    void anAnonymousCallerHasNoLibraryToExport() {
        ok(null, EXPORT, Map.of("format", "BIBTEX")).body("data.me", nullValue());
    }

    @Test
    void aBibtexExportImportedBackIntoTheReadersOwnListsResolvesToTheSamePapers() {
        roundTrip(ImportPath.ownListsOf(alice));
    }

    private void roundTrip(ImportPath path) {
        String bib = export(alice, "BIBTEX", null);
        String name = "Round trip " + UUID.randomUUID().toString().substring(0, 8);
        ok(path.token(), IMPORT, Map.of("name", name, "content", bib))
                .body("data.importReadingList.created", equalTo(0))
                .body("data.importReadingList.warnings", equalTo(List.of()));
        List<Map<String, String>> imported = ok(path.token(), path.query(), Map.of("slug", slug(name)))
                .extract().path(path.papers().formatted(slug(name)));
        assertEquals(Set.copyOf(hers), Set.copyOf(imported));
    }

    /**
     * A token that imports, the query that reads the imported list back by slug, and where its papers are (a GPath
     * that may name the slug as %s).
     */
    record ImportPath(String token, String query, String papers) {

        static ImportPath ownListsOf(String reader) {
            return new ImportPath(reader, "{ me { readingLists { slug entries { paper { id title arxivId } } } } }",
                    "data.me.readingLists.find { it.slug == '%s' }.entries.paper");
        }
    }

    private static String slug(String name) {
        return name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static String export(String reader, String format, String list) {
        Map<String, Object> variables = new HashMap<>(Map.of("format", format));
        if (list != null) {
            variables.put("list", list);
        }
        return ok(reader, EXPORT, variables).extract().path("data.me.export");
    }

    private static List<ParsedResource> parse(String bibtex) {
        return new BibtexParser().parse("export", bibtex).entries().stream().map(ParsedEntry::resource).toList();
    }

    private static Set<String> titles(List<Map<String, String>> papers) {
        return papers.stream().map(p -> p.get("title")).collect(Collectors.toSet());
    }

    private static Set<String> titlesOf(JsonNode items) {
        Set<String> titles = new HashSet<>();
        items.forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }

    private static void save(String reader, String paperId, String list) {
        ok(reader, "mutation S($id: ID!, $list: String!) { saveToList(paperId: $id, list: $list) { position } }",
                Map.of("id", paperId, "list", list));
    }

    private static void markRead(String reader, String paperId) {
        ok(reader, "mutation R($id: ID!) { markRead(paperId: $id) { id } }", Map.of("id", paperId));
    }

    private static ValidatableResponse ok(String token, String query, Map<String, Object> variables) {
        return as(token, query, variables).statusCode(200).body("errors", nullValue());
    }
}
