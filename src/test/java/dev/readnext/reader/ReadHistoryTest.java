package dev.readnext.reader;

import static dev.readnext.graphql.GraphQL.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import dev.readnext.security.Tokens;

/** Reader.readHistory: what the reader read, with when, most recent first, and no one else's. */
@QuarkusTest
class ReadHistoryTest {

    private static final String MARK = "mutation M($id: ID!, $read: Boolean) { markRead(paperId: $id, read: $read)"
            + " { readByMe } }";
    private static final String HISTORY = "query H($first: Int) { me { readHistory(first: $first) { readAt"
            + " paper { id } } } }";

    private String alice;
    private String bob;
    private List<String> papers;

    @BeforeEach
    void twoNewReaders() {
        alice = Tokens.reader("alice-" + UUID.randomUUID(), "Alice");
        bob = Tokens.reader("bob-" + UUID.randomUUID(), "Bob");
        papers = ok(null, "{ papers(first: 3) { nodes { id } } }", Map.of()).extract().path("data.papers.nodes.id");
    }

    @Test
    void theHistoryListsTheReadsMostRecentFirstWithWhenEachWasRead() {
        Instant before = Instant.now().minus(Duration.ofMinutes(1));
        mark(alice, papers.get(0), true);
        mark(alice, papers.get(2), true);

        ValidatableResponse history = ok(alice, HISTORY, Map.of())
                .body("data.me.readHistory.paper.id", contains(papers.get(2), papers.get(0)));
        List<String> dates = history.extract().path("data.me.readHistory.readAt");
        Instant latest = Instant.parse(dates.get(0));
        Instant earliest = Instant.parse(dates.get(1));
        assertFalse(latest.isBefore(earliest), "most recent first: " + dates);
        assertTrue(earliest.isAfter(before) && latest.isBefore(Instant.now().plus(Duration.ofMinutes(1))),
                "read just now: " + dates);
    }

    @Test
    void firstBoundsTheHistoryAndAnUnmarkedPaperLeavesIt() {
        mark(alice, papers.get(0), true);
        mark(alice, papers.get(1), true);
        mark(alice, papers.get(2), true);
        mark(alice, papers.get(1), false);

        ok(alice, HISTORY, Map.of("first", 1)).body("data.me.readHistory.paper.id", contains(papers.get(2)));
        ok(alice, HISTORY, Map.of()).body("data.me.readHistory.paper.id", contains(papers.get(2), papers.get(0)));
    }

    @Test
    void anotherReadersHistoryStaysTheirs() {
        mark(alice, papers.get(0), true);

        ok(bob, HISTORY, Map.of()).body("data.me.readHistory", empty());
        ok(null, HISTORY, Map.of()).body("data.me", nullValue());
    }

    @Test
    void aSizeAbove100IsBadUserInput() {
        as(alice, HISTORY, Map.of("first", 101)).statusCode(200)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", equalTo("first"));
    }

    private void mark(String token, String paperId, boolean read) {
        ok(token, MARK, Map.of("id", paperId, "read", read)).body("data.markRead.readByMe", equalTo(read));
    }

    private static ValidatableResponse ok(String token, String query, Map<String, Object> variables) {
        return as(token, query, variables).statusCode(200).body("errors", nullValue());
    }
}
