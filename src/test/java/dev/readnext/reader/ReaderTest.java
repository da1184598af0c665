package dev.readnext.reader;

import static dev.readnext.graphql.GraphQL.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import dev.readnext.DatabaseState;
import dev.readnext.api.Ids;
import dev.readnext.security.Tokens;

/** Readers (issue 17): each token's sub is a reader with a read status of their own, which no one else sees. */
@QuarkusTest
class ReaderTest {

    private static final String MARK = "mutation M($id: ID!, $read: Boolean) { markRead(paperId: $id, read: $read)"
            + " { id readByMe } }";
    private static final String PAGE = "query P($first: Int) { papers(first: $first) { nodes { id readByMe } } }";
    private static final String ME = "{ me { id name read { totalCount nodes { id } } } }";

    @Inject
    DataSource db;

    @Inject
    EntityManagerFactory emf;

    private String alice;
    private String bob;
    private List<String> papers;

    @BeforeEach
    void twoNewReaders() {
        // new subjects per test: the database outlives a test, and each test starts from readers with no history
        alice = Tokens.reader("alice-" + UUID.randomUUID(), "Alice Liddell");
        bob = Tokens.reader("bob-" + UUID.randomUUID(), null);
        papers = ok(null, PAGE, Map.of("first", 6)).extract().path("data.papers.nodes.id");
    }

    @Test
    void twoReadersSeeOnlyTheirOwnReadStatus() {
        mark(alice, papers.get(0), true);
        mark(bob, papers.get(1), true);

        ok(alice, PAGE, Map.of("first", 6)).body("data.papers.nodes.readByMe",
                contains(true, false, false, false, false, false));
        ok(bob, PAGE, Map.of("first", 6)).body("data.papers.nodes.readByMe",
                contains(false, true, false, false, false, false));
        ok(alice, ME, Map.of()).body("data.me.name", equalTo("Alice Liddell"))
                .body("data.me.read.totalCount", equalTo(1)).body("data.me.read.nodes.id", contains(papers.get(0)));
        ok(bob, ME, Map.of()).body("data.me.name", nullValue())
                .body("data.me.read.nodes.id", contains(papers.get(1)));
    }

    @Test
    void anonymousVisitorsHaveNoReaderAndNoReadStatus() {
        mark(alice, papers.get(0), true);
        ok(null, PAGE, Map.of("first", 6)).body("data.papers.nodes.readByMe", hasSize(6))
                .body("data.papers.nodes.readByMe", everyItem(nullValue()));
        ok(null, ME, Map.of()).body("data.me", nullValue());
    }

    @Test
    void markReadAnswersThePaperWithItsNewStatus() {
        ok(alice, MARK, Map.of("id", papers.get(2))).body("data.markRead.id", equalTo(papers.get(2)))
                .body("data.markRead.readByMe", equalTo(true));
    }

    @Test
    void markReadTakesTheNumericDatabaseIdToo() {
        long key = Ids.paperId("id", papers.get(3));
        ok(alice, MARK, Map.of("id", String.valueOf(key))).body("data.markRead.id", equalTo(papers.get(3)));
        ok(alice, ME, Map.of()).body("data.me.read.nodes.id", contains(papers.get(3)));
    }

    @Test
    void markReadAnonymouslyIsUnauthenticatedAndWritesNothing() throws SQLException {
        var before = DatabaseState.rowVersions(db);
        as(null, MARK, Map.of("id", papers.get(0))).statusCode(200)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].path[0]", equalTo("markRead"))
                .body("data", nullValue());
        assertEquals(before, DatabaseState.rowVersions(db));
    }

    @Test
    void aValidTokenWithoutSubNamesNoReader() throws SQLException {
        String noSubject = Tokens.withGroups(Set.of("reader"), Duration.ofMinutes(5));
        ok(noSubject, ME, Map.of()).body("data.me", nullValue());
        var before = DatabaseState.rowVersions(db);
        as(noSubject, MARK, Map.of("id", papers.get(0))).statusCode(200)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        assertEquals(before, DatabaseState.rowVersions(db));
    }

    @Test
    void markReadOfAnUnknownPaperIsNotFound() throws SQLException {
        ok(alice, ME, Map.of()); // the reader exists: the refusal below then writes nothing at all
        var before = DatabaseState.rowVersions(db);
        for (String unknown : List.of("987654321", Ids.global(Ids.PAPER, 987654321))) {
            as(alice, MARK, Map.of("id", unknown)).statusCode(200)
                    .body("errors[0].extensions.code", equalTo("NOT_FOUND"))
                    .body("errors[0].message", equalTo("no paper with id " + unknown));
        }
        assertEquals(before, DatabaseState.rowVersions(db));
    }

    @Test
    void markingTwiceChangesNothingTheSecondTime() throws SQLException {
        mark(alice, papers.get(0), true);
        var before = DatabaseState.rowVersions(db);
        mark(alice, papers.get(0), true);
        assertEquals(before, DatabaseState.rowVersions(db), "the second markRead wrote nothing");
        ok(alice, ME, Map.of()).body("data.me.read.totalCount", equalTo(1));
    }

    @Test
    void readFalseUnmarksAndUnmarkingAnUnreadPaperIsHarmless() {
        mark(alice, papers.get(0), true);
        mark(alice, papers.get(0), false);
        mark(alice, papers.get(1), false);
        ok(alice, ME, Map.of()).body("data.me.read.totalCount", equalTo(0));
        ok(alice, PAGE, Map.of("first", 2)).body("data.papers.nodes.readByMe", contains(false, false));
    }

    @Test
    void aDeletedPaperLeavesItsReadersReadLists() {
        String created = ok(Tokens.editor(), "mutation { paperCreate(input: { title: \"Read, then deleted\" })"
                + " { paper { id } } }", Map.of()).extract().path("data.paperCreate.paper.id");
        mark(alice, created, true);
        ok(Tokens.editor(), "mutation D($id: ID!) { paperDelete(input: { id: $id }) { deletedPaperId } }",
                Map.of("id", created));
        ok(alice, ME, Map.of()).body("data.me.read.totalCount", equalTo(0));
    }

    @Test
    void readListsTheMostRecentFirstAPageAtATime() {
        mark(alice, papers.get(0), true);
        mark(alice, papers.get(1), true);
        mark(alice, papers.get(2), true);
        String pages = "query R($after: String) { me { read(first: 2, after: $after) { totalCount nodes { id }"
                + " pageInfo { hasNextPage hasPreviousPage endCursor } } } }";
        ValidatableResponse first = ok(alice, pages, Map.of())
                .body("data.me.read.totalCount", equalTo(3))
                .body("data.me.read.nodes.id", contains(papers.get(2), papers.get(1)))
                .body("data.me.read.pageInfo.hasNextPage", equalTo(true))
                .body("data.me.read.pageInfo.hasPreviousPage", equalTo(false));
        String cursor = first.extract().path("data.me.read.pageInfo.endCursor");
        ok(alice, pages, Map.of("after", cursor))
                .body("data.me.read.nodes.id", contains(papers.get(0)))
                .body("data.me.read.pageInfo.hasNextPage", equalTo(false))
                .body("data.me.read.pageInfo.hasPreviousPage", equalTo(true));
    }

    @Test
    void aCursorOfAPaperNoLongerReadIsBadUserInput() {
        mark(alice, papers.get(0), true);
        mark(alice, papers.get(1), true);
        String cursor = ok(alice, "{ me { read(first: 1) { pageInfo { endCursor } } } }", Map.of()).extract()
                .path("data.me.read.pageInfo.endCursor");
        mark(alice, papers.get(1), false);
        as(alice, "query R($after: String) { me { read(first: 1, after: $after) { totalCount } } }",
                Map.of("after", cursor)).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", equalTo("after"));
    }

    @Test
    void aPageSizeAbove100IsBadUserInput() {
        as(alice, "{ me { read(first: 101) { totalCount } } }", Map.of())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }

    @Test
    void aReadersIdFindsThatReaderOnlyForThemselves() {
        mark(alice, papers.get(0), true);
        String aliceId = ok(alice, ME, Map.of()).extract().path("data.me.id");
        String bobId = ok(bob, ME, Map.of()).extract().path("data.me.id");
        String node = "query N($id: ID!) { node(id: $id) { id ... on Reader { name read { nodes { id title } } } } }";

        ok(alice, node, Map.of("id", aliceId)).body("data.node.id", equalTo(aliceId))
                .body("data.node.read.nodes.id", contains(papers.get(0)));
        String asBob = ok(bob, node, Map.of("id", aliceId)).body("data.node", nullValue()).extract().asString();
        String asNobody = ok(null, node, Map.of("id", aliceId)).body("data.node", nullValue()).extract().asString();
        String many = ok(bob, "query N($ids: [ID!]!) { nodes(ids: $ids) { id ... on Reader { name } } }",
                Map.of("ids", List.of(aliceId, bobId))).body("data.nodes", hasSize(2))
                .body("data.nodes[0]", nullValue()).body("data.nodes[1].id", equalTo(bobId)).extract().asString();
        for (String answer : List.of(asBob, asNobody, many)) {
            assertFalse(answer.contains("Alice"), answer);
        }
    }

    @Test
    void anotherReadersIdIsAsUnknownAsAReaderThatNeverWas() {
        String aliceId = ok(alice, ME, Map.of()).extract().path("data.me.id");
        String never = Ids.global(Ids.READER, 987654321);
        String node = "query N($id: ID!) { node(id: $id) { id } }";
        String other = ok(bob, node, Map.of("id", aliceId)).extract().asString();
        String unknown = ok(bob, node, Map.of("id", never)).extract().asString();
        assertEquals(unknown, other);
    }

    @Test
    void concurrentFirstRequestsOfOneReaderCreateOneReader() throws Exception {
        String subject = "carol-" + UUID.randomUUID();
        String carol = Tokens.reader(subject, "Carol");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ids.add(pool.submit(() -> ok(carol, "{ me { id } }", Map.of()).extract().<String>path("data.me.id")));
            }
            Set<String> distinct = new HashSet<>();
            for (Future<String> id : ids) {
                distinct.add(id.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, distinct.size(), "ids: " + distinct);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, DatabaseState.count(db, "SELECT count(*) FROM reader WHERE subject = '" + subject + "'"));
    }

    @Test
    void readByMeOverAPageOfPapersTakesTheSameStatementsFor5Or100Papers() {
        mark(alice, papers.get(0), true);
        ok(alice, ME, Map.of());
        long few = statementsFor(5);
        long many = statementsFor(100);
        assertEquals(few, many, "statements for 5 papers vs 100 papers");
        assertTrue(many <= 4, "statements for a page of papers with readByMe: " + many);
    }

    private long statementsFor(int first) {
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        stats.clear();
        ok(alice, PAGE, Map.of("first", first)).body("data.papers.nodes", hasSize(first))
                .body("data.papers.nodes.readByMe", not(org.hamcrest.Matchers.hasItem(nullValue())));
        return stats.getPrepareStatementCount();
    }

    private void mark(String token, String paperId, boolean read) {
        ok(token, MARK, Map.of("id", paperId, "read", read)).body("data.markRead.readByMe", equalTo(read));
    }

    private static ValidatableResponse ok(String token, String query, Map<String, Object> variables) {
        return as(token, query, variables).statusCode(200).body("errors", nullValue());
    }
}
