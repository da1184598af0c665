package dev.readnext.reader;

import static dev.readnext.graphql.GraphQL.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import dev.readnext.DatabaseState;
import dev.readnext.security.Tokens;

/** A reader's own reading lists (saveToList): made on first use, private to the reader through every entry point. */
@QuarkusTest
class ReaderListsTest {

    private static final String SAVE = "mutation S($id: ID!, $list: String!) { saveToList(paperId: $id, list: $list)"
            + " { position section read paper { id } list { id name format } } }";
    private static final String VISIBILITY = "mutation V($id: ID!, $v: ListVisibility!) {"
            + " readingListVisibilityUpdate(input: { listId: $id, visibility: $v, clientMutationId: \"v1\" })"
            + " { readingList { visibility } clientMutationId } }";
    private static final String MY_LISTS = "{ me { readingLists { id slug name entries { position paper { id } } } } }";

    @Inject
    DataSource db;

    private String alice;
    private String bob;
    private List<String> papers;
    /** unique per test: the database outlives a test */
    private String secret;

    @BeforeEach
    void twoNewReaders() {
        alice = Tokens.reader("alice-" + UUID.randomUUID(), "Alice");
        bob = Tokens.reader("bob-" + UUID.randomUUID(), "Bob");
        papers = ok(null, "{ papers(first: 3) { nodes { id } } }", Map.of()).extract().path("data.papers.nodes.id");
        secret = "Secret " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void saveToListMakesThePrivateListOnFirstUseAndAppends() {
        save(alice, papers.get(0), secret).body("data.saveToList.position", equalTo(1))
                .body("data.saveToList.section", nullValue())
                .body("data.saveToList.read", equalTo(false))
                .body("data.saveToList.paper.id", equalTo(papers.get(0)))
                .body("data.saveToList.list.name", equalTo(secret))
                .body("data.saveToList.list.format", equalTo("SAVED"));
        // the same slug (case and punctuation aside) is the same list
        save(alice, papers.get(1), "  " + secret.toUpperCase() + "!").body("data.saveToList.position", equalTo(2));
        ok(alice, MY_LISTS, Map.of()).body("data.me.readingLists", hasSize(1))
                .body("data.me.readingLists[0].name", equalTo(secret))
                .body("data.me.readingLists[0].entries.paper.id", contains(papers.get(0), papers.get(1)));
    }

    @Test
    void savingAPaperTwiceKeepsItsPlaceAndWritesNothing() throws SQLException {
        save(alice, papers.get(0), secret);
        save(alice, papers.get(1), secret);
        var before = DatabaseState.rowVersions(db);
        save(alice, papers.get(0), secret).body("data.saveToList.position", equalTo(1));
        assertEquals(before, DatabaseState.rowVersions(db));
    }

    @Test
    void twoReadersListsOfOneNameAreTheirOwn() {
        save(alice, papers.get(0), secret);
        save(bob, papers.get(1), secret);
        ok(alice, MY_LISTS, Map.of()).body("data.me.readingLists[0].entries.paper.id", contains(papers.get(0)));
        ok(bob, MY_LISTS, Map.of()).body("data.me.readingLists[0].entries.paper.id", contains(papers.get(1)));
    }

    @Test
    void noOtherReaderNorAnonymousVisitorSeesAReadersList() {
        String listId = save(alice, papers.get(0), secret).extract().path("data.saveToList.list.id");
        String slug = ok(alice, MY_LISTS, Map.of()).extract().path("data.me.readingLists[0].slug");
        List<String> answers = new ArrayList<>();
        for (String other : new String[] { bob, null }) {
            answers.add(ok(other, "query N($id: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id } }",
                    Map.of("id", listId)).body("data.node", nullValue()).body("data.nodes[0]", nullValue())
                    .extract().asString());
            answers.add(ok(other, "{ readingLists { slug name } readingListsConnection(first: 100) { nodes { slug } } }",
                    Map.of()).body("data.readingLists.slug", not(hasItem(slug)))
                    .body("data.readingListsConnection.nodes.slug", not(hasItem(slug))).extract().asString());
            answers.add(ok(other, "query P($id: ID!) { paper(id: $id) { lists { list { slug name } } } }",
                    Map.of("id", papers.get(0))).body("data.paper.lists.list.slug", not(hasItem(slug)))
                    .extract().asString());
            answers.add(as(other, "query L($slug: String!) { readingList(slug: $slug) { name } }", Map.of("slug", slug))
                    .body("errors[0].extensions.code", equalTo("NOT_FOUND")).extract().asString());
            answers.add(as(other, "query F($slug: String!) { papers(filter: { list: $slug }) { totalCount } }",
                    Map.of("slug", slug)).body("errors[0].extensions.code", equalTo("NOT_FOUND"))
                    .extract().asString());
        }
        ok(bob, MY_LISTS, Map.of()).body("data.me.readingLists", empty());
        for (String answer : answers) {
            assertFalse(answer.contains(secret), answer);
        }
    }

    @Test
    void theOwnerFetchesTheirListByItsId() {
        String listId = save(alice, papers.get(0), secret).extract().path("data.saveToList.list.id");
        ok(alice, "query N($id: ID!) { node(id: $id) { ... on ReadingList { name } } }", Map.of("id", listId))
                .body("data.node.name", equalTo(secret));
    }

    @Test
    void aPublicListIsSeenByAnyoneByItsIdWithItsCheckboxesAndPrivateAgainIsGone() {
        String listId = save(alice, papers.get(0), secret).extract().path("data.saveToList.list.id");
        save(alice, papers.get(1), secret);
        ok(alice, "mutation M($id: ID!) { markRead(paperId: $id) { id } }", Map.of("id", papers.get(1)));
        String node = "query N($id: ID!) { node(id: $id) { ... on ReadingList { name visibility entries { read"
                + " paper { id } } } } }";
        ok(alice, VISIBILITY, Map.of("id", listId, "v", "PUBLIC"))
                .body("data.readingListVisibilityUpdate.readingList.visibility", equalTo("PUBLIC"))
                .body("data.readingListVisibilityUpdate.clientMutationId", equalTo("v1"));
        for (String other : new String[] { bob, null }) {
            ok(other, node, Map.of("id", listId)).body("data.node.name", equalTo(secret))
                    .body("data.node.visibility", equalTo("PUBLIC"))
                    .body("data.node.entries.paper.id", contains(papers.get(0), papers.get(1)))
                    .body("data.node.entries.read", contains(false, true));
        }
        // published by id only: the catalogue's lists and another reader's read status stay as they were
        ok(bob, "{ readingLists { name } }", Map.of()).body("data.readingLists.name", not(hasItem(secret)));
        ok(bob, "query P($id: ID!) { paper(id: $id) { readByMe } }", Map.of("id", papers.get(1)))
                .body("data.paper.readByMe", equalTo(false));

        ok(alice, VISIBILITY, Map.of("id", listId, "v", "PRIVATE"));
        ok(bob, node, Map.of("id", listId)).body("data.node", nullValue());
        ok(null, node, Map.of("id", listId)).body("data.node", nullValue());
    }

    @Test
    void onlyTheOwnerChangesAListsVisibilityAndAnotherReadersListIsAsUnknownAsNone() throws SQLException {
        String listId = save(alice, papers.get(0), secret).extract().path("data.saveToList.list.id");
        String catalogueList = ok(null, "{ readingLists { id } }", Map.of()).extract().path("data.readingLists[0].id");
        ok(bob, "{ me { id } }", Map.of());
        var before = DatabaseState.rowVersions(db);
        String asBob = as(bob, VISIBILITY, Map.of("id", listId, "v", "PUBLIC"))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND")).extract().path("errors[0].message");
        String unknown = as(bob, VISIBILITY, Map.of("id", "UmVhZGluZ0xpc3Q6OTk5OTk5OQ", "v", "PUBLIC"))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND")).extract().path("errors[0].message");
        assertEquals(unknown.replace("UmVhZGluZ0xpc3Q6OTk5OTk5OQ", listId), asBob);
        as(alice, VISIBILITY, Map.of("id", catalogueList, "v", "PRIVATE"))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        as(null, VISIBILITY, Map.of("id", listId, "v", "PUBLIC"))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        assertEquals(before, DatabaseState.rowVersions(db));
    }

    @Test
    void saveToListAnonymouslyIsUnauthenticatedAndWritesNothing() throws SQLException {
        var before = DatabaseState.rowVersions(db);
        as(null, SAVE, Map.of("id", papers.get(0), "list", secret))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        assertEquals(before, DatabaseState.rowVersions(db));
    }

    @Test
    void anUnknownPaperIsNotFoundAndANameWithoutLettersIsBadInput() throws SQLException {
        ok(alice, "{ me { id } }", Map.of());
        var before = DatabaseState.rowVersions(db);
        as(alice, SAVE, Map.of("id", "987654321", "list", secret))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        as(alice, SAVE, Map.of("id", papers.get(0), "list", " -!- "))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", equalTo("list"));
        assertEquals(before, DatabaseState.rowVersions(db));
    }

    @Test
    void concurrentSavesToANewListMakeOneListWithDistinctPositions() throws Exception {
        List<String> six = ok(null, "{ papers(first: 6) { nodes { id } } }", Map.of()).extract()
                .path("data.papers.nodes.id");
        ExecutorService pool = Executors.newFixedThreadPool(six.size());
        try {
            List<Future<Integer>> positions = new ArrayList<>();
            for (String paper : six) {
                positions.add(pool.submit(() -> save(alice, paper, secret).extract()
                        .<Integer>path("data.saveToList.position")));
            }
            Set<Integer> distinct = new TreeSet<>();
            for (Future<Integer> position : positions) {
                distinct.add(position.get(60, TimeUnit.SECONDS));
            }
            assertEquals(Set.of(1, 2, 3, 4, 5, 6), distinct);
        } finally {
            pool.shutdownNow();
        }
        ok(alice, MY_LISTS, Map.of()).body("data.me.readingLists", hasSize(1))
                .body("data.me.readingLists[0].entries", hasSize(6));
    }

    @Test
    void theCatalogueListsAreUnchangedBySaving() {
        List<String> before = ok(null, "{ readingLists { slug } }", Map.of()).extract().path("data.readingLists.slug");
        save(alice, papers.get(0), secret);
        ok(null, "{ readingLists { slug } }", Map.of()).body("data.readingLists.slug", equalTo(before));
    }

    private ValidatableResponse save(String token, String paperId, String list) {
        return ok(token, SAVE, Map.of("id", paperId, "list", list));
    }

    private static ValidatableResponse ok(String token, String query, Map<String, Object> variables) {
        return as(token, query, variables).statusCode(200).body("errors", nullValue());
    }
}
