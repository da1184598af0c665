package dev.readnext.security;

import static dev.readnext.graphql.GraphQL.as;
import static dev.readnext.graphql.GraphQL.ok;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.readnext.DatabaseState;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every mutation of the schema is refused without a valid token and writes nothing; every one but a reader's own
 * (markRead: any valid token) is refused without the editor role too.
 */
@QuarkusTest
class MutationAccessTest {

    /** One well-typed call per mutation; the test below checks the schema has no mutation missing here. */
    private static final Map<String, String> CALLS = Map.ofEntries(
            Map.entry("createPaper", "createPaper(input: { title: \"x\" }) { id }"),
            Map.entry("updatePaper", "updatePaper(id: \"1\", version: 0, input: { title: \"x\" }) { id }"),
            Map.entry("deletePaper", "deletePaper(id: \"1\")"),
            Map.entry("addAlias", "addAlias(paperId: \"1\", alias: \"x\") { id }"),
            Map.entry("removeAlias", "removeAlias(paperId: \"1\", alias: \"x\") { id }"),
            Map.entry("createTopic", "createTopic(name: \"x\") { slug }"),
            Map.entry("deleteTopic", "deleteTopic(slug: \"architecture\")"),
            Map.entry("tagPaper", "tagPaper(paperId: \"1\", topic: \"architecture\") { id }"),
            Map.entry("untagPaper", "untagPaper(paperId: \"1\", topic: \"architecture\") { id }"),
            Map.entry("setReadStatus", "setReadStatus(list: \"read-list-dump\", paperId: \"1\", read: true) { read }"),
            Map.entry("createLearningPath", "createLearningPath(title: \"x\") { slug }"),
            Map.entry("addPathStep", "addPathStep(path: \"x\", paperId: \"1\") { slug }"),
            Map.entry("movePathStep", "movePathStep(path: \"x\", paperId: \"1\", position: 1) { slug }"),
            Map.entry("removePathStep", "removePathStep(path: \"x\", paperId: \"1\") { slug }"),
            Map.entry("deleteLearningPath", "deleteLearningPath(slug: \"x\")"),
            Map.entry("importArxivMetadata", "importArxivMetadata(content: \"{}\") { created }"),
            Map.entry("paperCreate", "paperCreate(input: { title: \"x\" }) { clientMutationId }"),
            Map.entry("paperUpdate", "paperUpdate(input: { id: \"1\", version: 0, title: \"x\" }) { clientMutationId }"),
            Map.entry("paperDelete", "paperDelete(input: { id: \"1\" }) { deletedPaperId }"),
            Map.entry("paperAliasAdd", "paperAliasAdd(input: { paperId: \"1\", alias: \"x\" }) { clientMutationId }"),
            Map.entry("paperAliasRemove", "paperAliasRemove(input: { paperId: \"1\", alias: \"x\" }) { clientMutationId }"),
            Map.entry("topicCreate", "topicCreate(input: { name: \"x\" }) { clientMutationId }"),
            Map.entry("topicDelete", "topicDelete(input: { slug: \"architecture\" }) { deletedTopicId }"),
            Map.entry("paperTopicAdd", "paperTopicAdd(input: { paperId: \"1\", topic: \"architecture\" }) { clientMutationId }"),
            Map.entry("paperTopicRemove",
                    "paperTopicRemove(input: { paperId: \"1\", topic: \"architecture\" }) { clientMutationId }"),
            Map.entry("readStatusUpdate",
                    "readStatusUpdate(input: { list: \"read-list-dump\", paperId: \"1\", read: true }) { clientMutationId }"),
            Map.entry("learningPathCreate", "learningPathCreate(input: { title: \"x\" }) { clientMutationId }"),
            Map.entry("learningPathStepAdd", "learningPathStepAdd(input: { path: \"x\", paperId: \"1\" }) { clientMutationId }"),
            Map.entry("learningPathStepMove",
                    "learningPathStepMove(input: { path: \"x\", paperId: \"1\", position: 1 }) { clientMutationId }"),
            Map.entry("learningPathStepRemove",
                    "learningPathStepRemove(input: { path: \"x\", paperId: \"1\" }) { clientMutationId }"),
            Map.entry("learningPathDelete", "learningPathDelete(input: { slug: \"x\" }) { clientMutationId }"));

    /**
     * Mutations of the caller's own state, which any valid token may call (ReaderTest, ReaderListsTest and
     * ReaderImportTest cover what they do; importReadingList writes the catalogue only for editors).
     */
    private static final Map<String, String> READER_CALLS = Map.of(
            "markRead", "markRead(paperId: \"1\") { id }",
            "saveToList", "saveToList(paperId: \"1\", list: \"x\") { position }",
            "readingListVisibilityUpdate", "readingListVisibilityUpdate(input: { listId: \"UmVhZGluZ0xpc3Q6MQ\","
                    + " visibility: PUBLIC }) { clientMutationId }",
            "importReadingList", "importReadingList(name: \"x\", content: \"- [a](https://a.org)\") { created }");

    @Inject
    DataSource db;

    private static Map<String, String> allCalls() {
        Map<String, String> all = new java.util.HashMap<>(CALLS);
        all.putAll(READER_CALLS);
        return all;
    }

    @Test
    void everyMutationOfTheSchemaIsCovered() {
        List<String> fields = ok("{ __schema { mutationType { fields(includeDeprecated: true) { name } } } }").extract()
                .path("data.__schema.mutationType.fields.name");
        assertEquals(new TreeSet<>(fields), new TreeSet<>(allCalls().keySet()));
    }

    @Test
    void withoutTokenEveryMutationIsUnauthenticatedAndNothingIsWritten() throws SQLException {
        var before = DatabaseState.rowVersions(db);
        allCalls().forEach((name, call) -> as(null, "mutation { " + call + " }", Map.of())
                .statusCode(200)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].path[0]", equalTo(name)));
        assertEquals(before, DatabaseState.rowVersions(db));
    }

    @Test
    void anEditorTokenForAnotherServiceIsUnauthenticatedAndNothingIsWritten() throws SQLException {
        String foreign = Tokens.editorFor("someone-elses-service", Set.of(Roles.EDITOR), Duration.ofMinutes(5));
        var before = DatabaseState.rowVersions(db);
        allCalls().forEach((name, call) -> as(foreign, "mutation { " + call + " }", Map.of())
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED")));
        assertEquals(before, DatabaseState.rowVersions(db));
    }

    @Test
    void withoutTheEditorRoleEveryMutationIsForbiddenAndNothingIsWritten() throws SQLException {
        String reader = Tokens.withGroups(Set.of("reader"), Duration.ofMinutes(5));
        var before = DatabaseState.rowVersions(db);
        CALLS.forEach((name, call) -> as(reader, "mutation { " + call + " }", Map.of())
                .statusCode(200)
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("errors[0].path[0]", equalTo(name)));
        assertEquals(before, DatabaseState.rowVersions(db));
    }
}
