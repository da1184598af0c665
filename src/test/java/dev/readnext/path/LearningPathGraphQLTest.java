package dev.readnext.path;

import static dev.readnext.graphql.GraphQL.ok;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LearningPathGraphQLTest {

    @Test
    void everyCourseSectionHasAGeneratedPath() {
        List<String> sections = ok("{ course(slug: \"llm-901\") { sections { title } } }").extract()
                .path("data.course.sections.title");
        List<String> paths = ok("{ learningPaths { title generated } }").extract().path("data.learningPaths.title");
        for (String section : sections) {
            assertTrue(paths.stream().anyMatch(p -> p.endsWith(": " + section)), "path for " + section);
        }
    }

    @Test
    void architecturePathFollowsTheSessionOrder() {
        var path = ok("{ learningPaths(topic: \"architecture\") { slug title topic { slug } steps { position note paper { title } } } }")
                .body("data.learningPaths[0].topic.slug", equalTo("architecture"))
                .body("data.learningPaths[0].steps[0].paper.title", startsWith("DeepSeek-V2"))
                .body("data.learningPaths[0].steps[0].note", startsWith("Week 1-1"))
                .extract();
        List<Integer> positions = path.path("data.learningPaths[0].steps.position");
        assertEquals(java.util.stream.IntStream.rangeClosed(1, positions.size()).boxed().toList(), positions);
        List<String> titles = path.path("data.learningPaths[0].steps.paper.title");
        assertTrue(titles.indexOf("RoFormer: Enhanced Transformer with Rotary Position Embedding")
                < titles.indexOf("YaRN: Efficient Context Window Extension of Large Language Models"));
    }

    @Test
    void pathBySlugAndByParentTopic() {
        String slug = ok("{ learningPaths(topic: \"architecture\") { slug } }").extract().path("data.learningPaths[0].slug");
        ok("{ learningPath(slug: \"" + slug + "\") { title } }").body("data.learningPath.title", equalTo("LLM 901: Architecture"));
        ok("{ learningPaths(topic: \"pretraining\") { title } }")
                .body("data.learningPaths.title", hasItem("LLM 901: Architecture"))
                .body("data.learningPaths.title", hasItem("LLM 901: Pretraining"));
    }

    @Test
    void readingListsShowEntriesInOrder() {
        ok("{ readingList(slug: \"read-list-dump\") { name entries { position read paper { title } } } }")
                .body("data.readingList.entries[0].position", equalTo(1))
                .body("data.readingList.entries[0].paper.title", equalTo("Mixtral of Experts"))
                .body("data.readingList.entries[0].read", equalTo(true));
        ok("{ readingLists { slug } }").body("data.readingLists.slug",
                org.hamcrest.Matchers.hasItems("llm-901", "llm-training", "read-list-dump", "llms-reading-list"));
    }
}
