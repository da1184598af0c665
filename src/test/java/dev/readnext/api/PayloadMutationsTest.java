package dev.readnext.api;

import static dev.readnext.graphql.GraphQL.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.readnext.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The mutations that take one input and answer with a payload echoing clientMutationId (GitHub's convention). */
@QuarkusTest
class PayloadMutationsTest {

    private static final String CREATE = """
            mutation ($input: PaperCreateInput!) { paperCreate(input: $input) { clientMutationId
              paper { id databaseId title tldr authors year version } } }""";
    private static final String UPDATE = """
            mutation ($input: PaperUpdateInput!) { paperUpdate(input: $input) { clientMutationId
              paper { id title tldr url authors year version } } }""";

    @Test
    void paperCreateAnswersWithThePaperAndTheClientMutationId() {
        editor(CREATE, Map.of("input", Map.of("title", "Payload Paper One", "authors", List.of("A. Author"),
                "clientMutationId", "create-1")))
                .body("data.paperCreate.clientMutationId", equalTo("create-1"))
                .body("data.paperCreate.paper.title", equalTo("Payload Paper One"))
                .body("data.paperCreate.paper.authors", contains("A. Author"));
    }

    @Test
    void paperUpdateChangesOnlyTheFieldsGivenAndAnEmptyListClears() {
        Map<String, Object> paper = editor(CREATE, Map.of("input", Map.of("title", "Payload Paper Two",
                "tldr", "Kept", "authors", List.of("B. One", "C. Two"), "year", 2024, "url", "https://example.org/p2")))
                .extract().path("data.paperCreate.paper");
        Map<String, Object> changes = new HashMap<>(Map.of("id", paper.get("id"), "version", paper.get("version"),
                "title", "Payload Paper Two, Revised", "clientMutationId", "update-1"));
        editor(UPDATE, Map.of("input", changes))
                .body("data.paperUpdate.clientMutationId", equalTo("update-1"))
                .body("data.paperUpdate.paper.title", equalTo("Payload Paper Two, Revised"))
                .body("data.paperUpdate.paper.tldr", equalTo("Kept"))
                .body("data.paperUpdate.paper.url", equalTo("https://example.org/p2"))
                .body("data.paperUpdate.paper.authors", contains("B. One", "C. Two"))
                .body("data.paperUpdate.paper.year", equalTo(2024));
        int version = (Integer) paper.get("version") + 1;
        // the numeric id too, as before global ids
        editor(UPDATE, Map.of("input", Map.of("id", String.valueOf(paper.get("databaseId")), "version", version,
                "authors", List.of(), "url", "")))
                .body("data.paperUpdate.paper.authors", empty())
                .body("data.paperUpdate.paper.url", nullValue())
                .body("data.paperUpdate.paper.tldr", equalTo("Kept"))
                .body("data.paperUpdate.clientMutationId", nullValue());
    }

    @Test
    void aNullAuthorIsRefusedByTheSchema() {
        as(Tokens.editor(), CREATE, Map.of("input", Map.of("title", "Null Author Paper",
                "authors", java.util.Arrays.asList("A", null))))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("data", nullValue());
    }

    @Test
    void paperDeleteAnswersWithTheDeletedId() {
        String id = editor(CREATE, Map.of("input", Map.of("title", "Payload Paper Three"))).extract()
                .path("data.paperCreate.paper.id");
        editor("mutation ($id: ID!) { paperDelete(input: { id: $id, clientMutationId: \"d\" }) { deletedPaperId"
                + " clientMutationId } }", Map.of("id", id))
                .body("data.paperDelete.deletedPaperId", equalTo(id))
                .body("data.paperDelete.clientMutationId", equalTo("d"));
        as(null, "query ($id: ID!) { node(id: $id) { id } }", Map.of("id", id)).body("data.node", nullValue());
    }

    @Test
    void aliasTopicReadStatusAndPathMutationsEchoTheClientMutationId() {
        String id = editor(CREATE, Map.of("input", Map.of("title", "Payload Paper Four"))).extract()
                .path("data.paperCreate.paper.id");
        Map<String, Object> vars = Map.of("id", id);
        editor("mutation ($id: ID!) { paperAliasAdd(input: { paperId: $id, alias: \"PPF\", clientMutationId: \"a\" })"
                + " { clientMutationId paper { aliases } } }", vars)
                .body("data.paperAliasAdd.clientMutationId", equalTo("a"))
                .body("data.paperAliasAdd.paper.aliases", contains("PPF"));
        editor("mutation ($id: ID!) { paperAliasRemove(input: { paperId: $id, alias: \"ppf\", clientMutationId: \"r\" })"
                + " { clientMutationId paper { aliases } } }", vars)
                .body("data.paperAliasRemove.paper.aliases", empty());
        editor("mutation { topicCreate(input: { name: \"Payload Topic\", clientMutationId: \"t\" })"
                + " { clientMutationId topic { slug } } }")
                .body("data.topicCreate.topic.slug", equalTo("payload-topic"));
        editor("mutation ($id: ID!) { paperTopicAdd(input: { paperId: $id, topic: \"payload-topic\" })"
                + " { paper { topics { slug } } } }", vars)
                .body("data.paperTopicAdd.paper.topics.slug", hasItem("payload-topic"));
        editor("mutation ($id: ID!) { paperTopicRemove(input: { paperId: $id, topic: \"payload-topic\" })"
                + " { paper { topics { slug } } } }", vars)
                .body("data.paperTopicRemove.paper.topics.slug", not(hasItem("payload-topic")));
        editor("mutation { topicDelete(input: { slug: \"payload-topic\", clientMutationId: \"x\" })"
                + " { deletedTopicId clientMutationId } }")
                .body("data.topicDelete.clientMutationId", equalTo("x"));
        String path = editor("mutation { learningPathCreate(input: { title: \"Payload Path\" }) { learningPath { slug } } }")
                .extract().path("data.learningPathCreate.learningPath.slug");
        editor("mutation ($id: ID!, $path: String!) { learningPathStepAdd(input: { path: $path, paperId: $id,"
                + " clientMutationId: \"s\" }) { clientMutationId learningPath { steps { paper { id } } } } }",
                Map.of("id", id, "path", path))
                .body("data.learningPathStepAdd.clientMutationId", equalTo("s"))
                .body("data.learningPathStepAdd.learningPath.steps.paper.id", contains(id));
        editor("mutation ($id: ID!, $path: String!) { learningPathStepMove(input: { path: $path, paperId: $id,"
                + " position: 1 }) { learningPath { steps { position } } } }", Map.of("id", id, "path", path))
                .body("data.learningPathStepMove.learningPath.steps.position", contains(1));
        editor("mutation ($id: ID!, $path: String!) { learningPathStepRemove(input: { path: $path, paperId: $id })"
                + " { learningPath { steps { position } } } }", Map.of("id", id, "path", path))
                .body("data.learningPathStepRemove.learningPath.steps", empty());
        editor("mutation ($path: String!) { learningPathDelete(input: { slug: $path, clientMutationId: \"p\" })"
                + " { clientMutationId } }", Map.of("path", path))
                .body("data.learningPathDelete.clientMutationId", equalTo("p"));
        editor("mutation ($id: ID!) { paperDelete(input: { id: $id }) { deletedPaperId } }", vars);
    }

    @Test
    void readStatusUpdateSetsTheStatusInTheList() {
        Map<String, Object> entry = as(null, "{ readingLists { slug entries { read paper { id } } } }", Map.of())
                .extract().path("data.readingLists[0]");
        Map<?, ?> first = (Map<?, ?>) ((List<?>) entry.get("entries")).get(0);
        Object id = ((Map<?, ?>) first.get("paper")).get("id");
        boolean read = (Boolean) first.get("read");
        for (boolean value : List.of(!read, read)) {
            editor("mutation ($list: String!, $id: ID!, $read: Boolean!) { readStatusUpdate(input: { list: $list,"
                    + " paperId: $id, read: $read, clientMutationId: \"m\" }) { clientMutationId entry { read } } }",
                    Map.of("list", entry.get("slug"), "id", id, "read", value))
                    .body("data.readStatusUpdate.clientMutationId", equalTo("m"))
                    .body("data.readStatusUpdate.entry.read", equalTo(value));
        }
    }

    @Test
    void theReplacedMutationsAreDeprecatedWithTheirReplacement() {
        as(null, "{ __type(name: \"Mutation\") { fields(includeDeprecated: true) { name isDeprecated"
                + " deprecationReason } } }", Map.of())
                .body("data.__type.fields.find { it.name == 'createPaper' }.isDeprecated", equalTo(true))
                .body("data.__type.fields.find { it.name == 'createPaper' }.deprecationReason",
                        equalTo("Use paperCreate, which takes one input and returns a payload with clientMutationId"))
                .body("data.__type.fields.find { it.name == 'setReadStatus' }.deprecationReason",
                        equalTo("Use readStatusUpdate, which takes one input and returns a payload with clientMutationId"))
                .body("data.__type.fields.find { it.name == 'paperCreate' }.isDeprecated", equalTo(false))
                .body("data.__type.fields.find { it.name == 'importReadingList' }.isDeprecated", equalTo(false));
    }

    private static ValidatableResponse editor(String query) {
        return editor(query, Map.of());
    }

    private static ValidatableResponse editor(String query, Map<String, Object> variables) {
        return as(Tokens.editor(), query, variables).statusCode(200).body("errors", nullValue());
    }
}
