package dev.readnext.path;

import static dev.readnext.graphql.GraphQL.as;
import static dev.readnext.graphql.GraphQL.ok;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.readnext.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LearningPathEditingTest {

    private static final String STEPS = "slug version steps { position note paper { arxivId } }";

    @Test
    void editorBuildsReordersAndDeletesAPath() {
        String slug = edit("createLearningPath(title: \"Long context, my way\", topic: \"architecture\") { slug }")
                .extract().path("data.createLearningPath.slug");
        String rope = id("2104.09864");
        String yarn = id("2309.00071");
        String longRope = id("2402.13753");
        edit("addPathStep(path: \"" + slug + "\", paperId: \"" + rope + "\", note: \"start here\") { slug }");
        edit("addPathStep(path: \"" + slug + "\", paperId: \"" + yarn + "\") { slug }");
        edit("addPathStep(path: \"" + slug + "\", paperId: \"" + longRope + "\", position: 2) { " + STEPS + " }")
                .body("data.addPathStep.steps.paper.arxivId", contains("2104.09864", "2402.13753", "2309.00071"))
                .body("data.addPathStep.steps.position", contains(1, 2, 3));
        edit("movePathStep(path: \"" + slug + "\", paperId: \"" + yarn + "\", position: 1) { " + STEPS + " }")
                .body("data.movePathStep.steps.paper.arxivId", contains("2309.00071", "2104.09864", "2402.13753"));
        edit("removePathStep(path: \"" + slug + "\", paperId: \"" + rope + "\") { " + STEPS + " }")
                .body("data.removePathStep.steps.paper.arxivId", contains("2309.00071", "2402.13753"))
                .body("data.removePathStep.steps.position", contains(1, 2));
        ok("{ learningPaths(topic: \"architecture\") { slug } }").body("data.learningPaths.slug", hasItem(slug));
        edit("deleteLearningPath(slug: \"" + slug + "\")").body("data.deleteLearningPath", equalTo(true));
        ok("{ learningPaths { slug } }").body("data.learningPaths.slug", not(hasItem(slug)));
    }

    @Test
    void staleVersionIsAConflict() {
        String slug = edit("createLearningPath(title: \"Versioned path\") { slug }").extract().path("data.createLearningPath.slug");
        edit("addPathStep(path: \"" + slug + "\", paperId: \"" + id("2104.09864") + "\", version: 0) { version }")
                .body("data.addPathStep.version", equalTo(1));
        as(Tokens.editor(), "mutation { addPathStep(path: \"" + slug + "\", paperId: \"" + id("2309.00071")
                + "\", version: 0) { version } }", Map.of())
                .body("errors[0].extensions.code", equalTo("CONFLICT"));
    }

    @Test
    void badPositionsAndDuplicateStepsAreRefused() {
        String slug = edit("createLearningPath(title: \"Strict path\") { slug }").extract().path("data.createLearningPath.slug");
        String rope = id("2104.09864");
        as(Tokens.editor(), "mutation { addPathStep(path: \"" + slug + "\", paperId: \"" + rope + "\", position: 5) { slug } }", Map.of())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", equalTo("position"));
        edit("addPathStep(path: \"" + slug + "\", paperId: \"" + rope + "\") { slug }");
        as(Tokens.editor(), "mutation { addPathStep(path: \"" + slug + "\", paperId: \"" + rope + "\") { slug } }", Map.of())
                .body("errors[0].extensions.code", equalTo("CONFLICT"));
    }

    @Test
    void generatedPathsAreNotEdited() {
        String generated = ok("{ learningPaths(topic: \"architecture\") { slug generated } }").extract()
                .path("data.learningPaths.find { it.generated }.slug");
        as(Tokens.editor(), "mutation { deleteLearningPath(slug: \"" + generated + "\") }", Map.of())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }

    @Test
    void readStatusAndTopicsCanBeEdited() {
        String lora = id("2106.09685");
        edit("setReadStatus(list: \"read-list-dump\", paperId: \"" + lora + "\", read: true) { read paper { arxivId } }")
                .body("data.setReadStatus.read", equalTo(true));
        ok("{ papers(filter: { list: \"read-list-dump\", read: true }) { edges { node { arxivId } } } }")
                .body("data.papers.edges.node.arxivId", hasItem("2106.09685"));
        edit("setReadStatus(list: \"read-list-dump\", paperId: \"" + lora + "\", read: false) { read }");

        edit("createTopic(name: \"Parameter-efficient fine-tuning\", parent: \"training-llms\") { slug parent { slug } }")
                .body("data.createTopic.slug", equalTo("parameter-efficient-fine-tuning"))
                .body("data.createTopic.parent.slug", equalTo("training-llms"));
        edit("tagPaper(paperId: \"" + lora + "\", topic: \"parameter-efficient-fine-tuning\") { topics { slug } }")
                .body("data.tagPaper.topics.slug", hasItem("parameter-efficient-fine-tuning"));
        as(Tokens.editor(), "mutation { createTopic(name: \"Parameter efficient fine tuning\") { slug } }", Map.of())
                .body("errors[0].extensions.code", equalTo("CONFLICT"));
        edit("untagPaper(paperId: \"" + lora + "\", topic: \"parameter-efficient-fine-tuning\") { topics { slug } }")
                .body("data.untagPaper.topics.slug", not(hasItem("parameter-efficient-fine-tuning")));
        edit("deleteTopic(slug: \"parameter-efficient-fine-tuning\")").body("data.deleteTopic", equalTo(true));
        as(null, "{ topic(slug: \"parameter-efficient-fine-tuning\") { slug } }", new HashMap<>())
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
    }

    private static io.restassured.response.ValidatableResponse edit(String mutation) {
        return as(Tokens.editor(), "mutation { " + mutation + " }", Map.of()).body("errors", equalTo(null));
    }

    private static String id(String arxivId) {
        return ok("{ paper(arxivId: \"" + arxivId + "\") { id } }").extract().path("data.paper.id");
    }
}
