package dev.readnext.paper;

import static dev.readnext.graphql.GraphQL.ok;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PapersQueryTest {

    private static final String PAGE = """
            query Page($first: Int, $after: String, $filter: PaperFilter) {
              papers(first: $first, after: $after, filter: $filter) {
                totalCount edges { cursor node { id title kind year } } pageInfo { hasNextPage endCursor } } }""";

    @Test
    void cursorPagingVisitsEveryPaperOnce() {
        int total = ok("{ papers(first: 0) { totalCount } }").extract().path("data.papers.totalCount");
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean hasNext = true;
        while (hasNext) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("first", 37);
            variables.put("after", after);
            var page = ok(PAGE, variables).extract();
            seen.addAll(page.path("data.papers.edges.node.id"));
            hasNext = page.path("data.papers.pageInfo.hasNextPage");
            after = page.path("data.papers.pageInfo.endCursor");
        }
        assertEquals(total, seen.size());
        assertEquals(total, new HashSet<>(seen).size());
    }

    @Test
    void filtersByKind() {
        ok(PAGE, Map.of("first", 100, "filter", Map.of("kind", "REPO")))
                .body("data.papers.edges.node.kind", everyItem(equalTo("REPO")))
                .body("data.papers.edges.node.title", hasItem(containsString("picotron")));
    }

    @Test
    void filtersByReadStatusInAList() {
        ok(PAGE, Map.of("filter", Map.of("list", "read-list-dump", "read", true)))
                .body("data.papers.totalCount", equalTo(1))
                .body("data.papers.edges[0].node.title", equalTo("Mixtral of Experts"));
    }

    @Test
    void filtersByTopicIncludingSubTopics() {
        int pretraining = ok(PAGE, Map.of("filter", Map.of("topic", "pretraining"))).extract()
                .path("data.papers.totalCount");
        int architecture = ok(PAGE, Map.of("filter", Map.of("topic", "architecture"))).extract()
                .path("data.papers.totalCount");
        assertTrue(pretraining > architecture && architecture > 0, pretraining + " > " + architecture);
        ok(PAGE, Map.of("first", 100, "filter", Map.of("topic", "mixture-of-experts")))
                .body("data.papers.edges.node.title", hasItems("Mixtral of Experts",
                        "R2-T2: Re-Routing in Test-Time for Multimodal Mixture-of-Experts"));
    }

    @Test
    void filtersByYearAndTextTogether() {
        ok(PAGE, Map.of("first", 100, "filter", Map.of("year", 2023, "text", "quantization")))
                .body("data.papers.edges.node.year", everyItem(equalTo(2023)))
                .body("data.papers.edges.node.title", hasItem(containsString("AWQ")));
    }

    @Test
    void searchRanksTitleMatchesFirstAndHighlights() {
        ok("""
                { search(text: "rotary position embedding", first: 5) { score highlight paper { arxivId title } } }""")
                .body("data.search[0].paper.arxivId", equalTo("2104.09864"))
                .body("data.search[0].highlight", containsString("<mark>"));
    }

    @Test
    void searchTakesThePapersFilter() {
        ok("{ search(text: \"rotary\", filter: {kind: VIDEO}) { paper { kind } } }")
                .body("data.search", hasSize(greaterThan(0)))
                .body("data.search.paper.kind", everyItem(equalTo("VIDEO")));
        ok("{ search(text: \"rotary\", filter: {kind: PAPER}) { paper { kind } } }")
                .body("data.search", hasSize(greaterThan(0)))
                .body("data.search.paper.kind", everyItem(equalTo("PAPER")));
        int all = ok("{ search(text: \"experts\", first: 100) { score } }")
                .extract().path("data.search.size()");
        ok("{ search(text: \"experts\", filter: {read: true}, first: 100) { paper { arxivId } } }")
                .body("data.search.paper.arxivId", hasItem("2401.04088"))
                .body("data.search.size()", lessThan(all));
    }

    @Test
    void searchWithNoMatchIsEmpty() {
        ok("{ search(text: \"zzzyzzyx\") { score } }").body("data.search", hasSize(0));
    }

    @Test
    void paperByArxivIdSlugAndIdAgree() {
        var byArxiv = ok("{ paper(arxivId: \"2309.00071\") { id slug title url year authors aliases } }")
                .body("data.paper.year", equalTo(2023))
                .body("data.paper.aliases", hasItem("YaRN"))
                .extract();
        String id = byArxiv.path("data.paper.id");
        String slug = byArxiv.path("data.paper.slug");
        ok("{ paper(id: \"" + id + "\") { slug } }").body("data.paper.slug", equalTo(slug));
        ok("{ paper(slug: \"" + slug + "\") { id } }").body("data.paper.id", equalTo(id));
    }

    @Test
    void paperShowsItsListsTopicsAndSessions() {
        ok("""
                { paper(arxivId: "2401.04088") {
                    lists { list { slug } read position section }
                    topics { slug }
                    sessions { label date } } }""")
                .body("data.paper.lists.list.slug", contains("llm-901", "read-list-dump"))
                .body("data.paper.lists.find { it.list.slug == 'read-list-dump' }.read", equalTo(true))
                .body("data.paper.lists.find { it.list.slug == 'read-list-dump' }.section", equalTo("Mixture-of-Experts"))
                .body("data.paper.topics.slug", hasItem("mixture-of-experts"))
                .body("data.paper.sessions.label", contains("Week 1-2"));
    }
}
