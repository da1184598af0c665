package dev.readnext.api;

import static dev.readnext.graphql.GraphQL.ok;
import static dev.readnext.graphql.GraphQL.query;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The connection siblings of the growing lists: the same items as the lists, a page at a time, both ways. */
@QuarkusTest
class ConnectionsTest {

    private static final String ROFORMER = "{ paper(arxivId: \"2104.09864\") { id } }";

    @Inject
    EntityManagerFactory emf;

    @Test
    void searchConnectionPagesThroughTheSameHitsAsSearch() {
        List<String> hits = ok("{ search(text: \"model\", first: 100) { paper { id } } }").extract()
                .path("data.search.paper.id");
        assertTrue(hits.size() > 20, "hits: " + hits.size());
        List<String> paged = forwards("""
                query ($after: String) { c: searchConnection(text: "model", first: 7, after: $after) {
                  totalCount edges { cursor node { paper { id } } } nodes { paper { id } score highlight }
                  pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }""", "paper.id", 1000);
        assertEquals(hits, paged);
    }

    @Test
    void relatedPapersConnectionPagesBackwardsFromTheEnd() {
        String id = ok(ROFORMER).extract().path("data.paper.id");
        List<String> top = ok("query ($id: ID!) { relatedPapers(paperId: $id, first: 50) { paper { id } } }",
                Map.of("id", id)).extract().path("data.relatedPapers.paper.id");
        Map<String, Object> last = ok("""
                query ($id: ID!) { c: relatedPapersConnection(paperId: $id, last: 5) { totalCount nodes { paper { id } }
                  pageInfo { hasNextPage hasPreviousPage startCursor } } }""", Map.of("id", id)).extract().path("data.c");
        assertEquals(top.size(), last.get("totalCount"));
        assertEquals(top.subList(top.size() - 5, top.size()), ids(last, "paper"));
        Map<?, ?> info = (Map<?, ?>) last.get("pageInfo");
        assertEquals(false, info.get("hasNextPage"));
        assertEquals(true, info.get("hasPreviousPage"));
        Map<String, Object> before = ok("""
                query ($id: ID!, $before: String) { c: relatedPapersConnection(paperId: $id, last: 5, before: $before) {
                  nodes { paper { id } } } }""", Map.of("id", id, "before", info.get("startCursor")))
                .extract().path("data.c");
        assertEquals(top.subList(top.size() - 10, top.size() - 5), ids(before, "paper"));
    }

    @Test
    void entriesConnectionPagesThroughAListOf107Entries() {
        List<Map<String, Object>> lists = ok("{ readingLists { slug entries { paper { id } } } }").extract()
                .path("data.readingLists");
        Map<String, Object> longest = lists.stream()
                .max((a, b) -> Integer.compare(((List<?>) a.get("entries")).size(), ((List<?>) b.get("entries")).size()))
                .orElseThrow();
        List<?> entries = (List<?>) longest.get("entries");
        assertTrue(entries.size() > 100, "the longest seed list has " + entries.size() + " entries");
        List<String> paged = forwards("""
                query ($after: String) { readingList(slug: "%s") { c: entriesConnection(first: 40, after: $after) {
                  totalCount nodes { paper { id } } edges { cursor node { position } }
                  pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }""".formatted(longest.get("slug")),
                "paper.id", entries.size());
        assertEquals(entries.stream().map(e -> (String) ((Map<?, ?>) ((Map<?, ?>) e).get("paper")).get("id")).toList(),
                paged);
    }

    @Test
    void readingListsAndLearningPathsConnectionsHoldTheWholeListsInOrder() {
        List<String> lists = ok("{ readingLists { id } }").extract().path("data.readingLists.id");
        ok("{ readingListsConnection(first: 100) { totalCount nodes { id } } }")
                .body("data.readingListsConnection.totalCount", equalTo(lists.size()))
                .body("data.readingListsConnection.nodes.id", equalTo(lists));
        List<String> paths = ok("{ learningPaths(topic: \"pretraining\") { id } }").extract().path("data.learningPaths.id");
        ok("{ learningPathsConnection(topic: \"pretraining\", last: 100) { totalCount nodes { id } } }")
                .body("data.learningPathsConnection.totalCount", equalTo(paths.size()))
                .body("data.learningPathsConnection.nodes.id", equalTo(paths));
    }

    @Test
    void paperRelatedConnectionAndRecommendConnectionMatchTheirLists() {
        String id = ok(ROFORMER).extract().path("data.paper.id");
        Map<String, Object> paper = ok("""
                query ($id: ID!) { paper(id: $id) { related(first: 8) { paper { id } }
                  relatedConnection(first: 8) { totalCount nodes { paper { id } } } } }""", Map.of("id", id))
                .extract().path("data.paper");
        assertEquals(ids(Map.of("nodes", paper.get("related")), "paper"),
                ids((Map<?, ?>) paper.get("relatedConnection"), "paper"));
        Map<String, Object> sets = ok("""
                query ($id: String!) { recommend(positive: [$id], negative: [], first: 6) { paper { id } }
                  recommendConnection(positive: [$id], negative: [], first: 6) { nodes { paper { id } } } }""", Map.of("id", id))
                .extract().path("data");
        assertEquals(ids(Map.of("nodes", sets.get("recommend")), "paper"),
                ids((Map<?, ?>) sets.get("recommendConnection"), "paper"));
    }

    @Test
    void papersPagesBackwardsWithLastAndBefore() {
        List<String> all = ok("{ papers(first: 100) { edges { node { id } } } }").extract()
                .path("data.papers.edges.node.id");
        Map<String, Object> page = ok("""
                { papers(first: 100) { edges { cursor } } }""").extract().path("data.papers");
        String tenth = (String) ((Map<?, ?>) ((List<?>) page.get("edges")).get(10)).get("cursor");
        ok("query ($before: String) { papers(last: 4, before: $before) { nodes { id }"
                + " pageInfo { hasNextPage hasPreviousPage } } }", Map.of("before", tenth))
                .body("data.papers.nodes.id", equalTo(all.subList(6, 10)))
                .body("data.papers.pageInfo.hasNextPage", equalTo(true))
                .body("data.papers.pageInfo.hasPreviousPage", equalTo(true));
        ok("{ papers(first: 3) { pageInfo { hasPreviousPage startCursor } } }")
                .body("data.papers.pageInfo.hasPreviousPage", equalTo(false));
    }

    @Test
    void pageSizesAbove100OrNegativeAndForeignCursorsAreBadUserInput() {
        for (String bad : List.of("searchConnection(text: \"attention\", first: 101)",
                "searchConnection(text: \"attention\", last: -1)", "readingListsConnection(after: \"bm90IGEgY3Vyc29y\")",
                "papers(before: \"QVQ6Mw\")", "learningPathsConnection(before: \"%%\")")) {
            query("{ x: " + bad + " { totalCount } }")
                    .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                    .body("errors[0].message", containsString(bad.contains("first") ? "first must be between 0 and 100"
                            : bad.contains("last") ? "last must be between 0 and 100" : "is not a cursor returned"));
        }
    }

    @Test
    void nestedConnectionsMultiplyInTheQueryCost() {
        query("""
                { readingListsConnection(first: 100) { nodes { entriesConnection(first: 100) { nodes { paper {
                    relatedConnection(first: 10) { nodes { paper { title } } } } } } } } }""")
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("more than the limit of 10,000"))
                .body("data", nullValue());
    }

    @Test
    void entriesConnectionOfEveryListLoadsInOneBatch() {
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        stats.clear();
        ok("{ readingLists { entriesConnection(first: 50) { totalCount nodes { read paper { title } } } } }")
                .body("data.readingLists", hasSize(org.hamcrest.Matchers.greaterThan(2)));
        // the lists, their entries, the entries' papers, their read checkboxes (the owner's status): one query each
        assertTrue(stats.getPrepareStatementCount() <= 4, "statements: " + stats.getPrepareStatementCount());
    }

    /** Pages forwards through a connection aliased c (at data.c, or at data.*.c) until the end or max items. */
    private static List<String> forwards(String query, String path, int max) {
        List<String> items = new ArrayList<>();
        String after = null;
        boolean first = true;
        while (items.size() < max) {
            Map<String, Object> data = ok(query, after == null ? Map.of() : Map.of("after", after)).extract().path("data");
            Map<?, ?> connection = data.containsKey("c") ? (Map<?, ?>) data.get("c")
                    : (Map<?, ?>) ((Map<?, ?>) data.values().iterator().next()).get("c");
            List<?> nodes = (List<?>) connection.get("nodes");
            List<?> edges = (List<?>) connection.get("edges");
            assertEquals(nodes.size(), edges.size(), "as many nodes as edges");
            Map<?, ?> info = (Map<?, ?>) connection.get("pageInfo");
            assertEquals(!first, info.get("hasPreviousPage"));
            for (Object node : nodes) {
                Object value = node;
                for (String key : path.split("\\.")) {
                    value = ((Map<?, ?>) value).get(key);
                }
                items.add((String) value);
            }
            if (!(Boolean) info.get("hasNextPage")) {
                break;
            }
            after = (String) info.get("endCursor");
            first = false;
        }
        return items;
    }

    private static List<Object> ids(Map<?, ?> connection, String field) {
        return ((List<?>) connection.get("nodes")).stream()
                .<Object>map(n -> ((Map<?, ?>) ((Map<?, ?>) n).get(field)).get("id")).toList();
    }
}
