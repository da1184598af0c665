package dev.readnext.topic;

import static dev.readnext.graphql.GraphQL.ok;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TopicGraphQLTest {

    @Test
    void topicTreeFollowsTheCourseOutline() {
        ok("{ topic(slug: \"architecture\") { name parent { slug parent { slug } } } }")
                .body("data.topic.parent.slug", equalTo("pretraining"))
                .body("data.topic.parent.parent.slug", equalTo("training-llms"));
        ok("{ topic(slug: \"training-llms\") { children { slug } } }")
                .body("data.topic.children.slug", hasItem("pretraining"));
    }

    @Test
    void nestedGroupBecomesASubTopic() {
        ok("{ topic(slug: \"datalogy\") { parent { slug } paperCount } }")
                .body("data.topic.parent.slug", equalTo("miscellaneous"))
                .body("data.topic.paperCount", equalTo(3));
    }

    @Test
    void topicPapersPageThroughAllOfThem() {
        String query = """
                query T($after: String) { topic(slug: "mixture-of-experts") {
                  paperCount papers(first: 4, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } } }""";
        int count = ok(query, Map.of()).extract().path("data.topic.paperCount");
        List<String> ids = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("after", after);
            var page = ok(query, variables).body("data.topic.papers.totalCount", equalTo(count)).extract();
            ids.addAll(page.path("data.topic.papers.edges.node.id"));
            after = page.path("data.topic.papers.pageInfo.hasNextPage") ? page.path("data.topic.papers.pageInfo.endCursor") : null;
        } while (after != null);
        assertTrue(count > 20, "MoE papers: " + count);
        assertEquals(count, ids.size());
        assertEquals(count, ids.stream().distinct().count());
    }

    @Test
    void topicsAreListedOnceEach() {
        List<String> slugs = ok("{ topics { slug } }").extract().path("data.topics.slug");
        assertEquals(slugs.size(), slugs.stream().distinct().count());
        assertTrue(slugs.contains("mixture-of-experts"));
    }
}
