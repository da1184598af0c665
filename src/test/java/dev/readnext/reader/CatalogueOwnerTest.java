package dev.readnext.reader;

import static dev.readnext.graphql.GraphQL.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import dev.readnext.security.Tokens;

/**
 * The catalogue's lists belong to the seed owner (readnext.seed.owner, "curator" by default): their checkboxes are
 * that reader's read status. Everyone else's read status is their own, and excludeRead means "read by me".
 */
@QuarkusTest
class CatalogueOwnerTest {

    private static final String OWNER = "curator";
    private static final String DUMP = "{ readingList(slug: \"read-list-dump\") { entries { read paper { id } } } }";
    private static final String MARK = "mutation M($id: ID!, $read: Boolean) { markRead(paperId: $id, read: $read)"
            + " { readByMe } }";
    private static final String READ_BY_ME = "query P($id: ID!) { paper(id: $id) { readByMe } }";

    private String curator;
    private String alice;

    @BeforeEach
    void readers() {
        curator = Tokens.reader(OWNER, "The curator");
        alice = Tokens.reader("alice-" + UUID.randomUUID(), "Alice");
    }

    @Test
    void theSeedChecklistShowsItsOwnersReadStatus() {
        ValidatableResponse dump = ok(null, DUMP);
        List<String> ids = dump.extract().path("data.readingList.entries.paper.id");
        List<Boolean> read = dump.extract().path("data.readingList.entries.read");
        assertTrue(read.contains(true), "the seed checklist has a ticked box");
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(read.get(i), ok(curator, READ_BY_ME, Map.of("id", ids.get(i)))
                    .extract().path("data.paper.readByMe"), "paper " + ids.get(i));
        }
        // the same list, whoever asks
        assertEquals(read, ok(alice, DUMP).extract().path("data.readingList.entries.read"));
    }

    @Test
    void theOwnerMarkingAPaperTicksItsBoxAndNoOneElseDoes() {
        String paper = firstUnticked();
        ok(alice, MARK, Map.of("id", paper, "read", true));
        assertFalse(ticked(paper), "another reader's read status is not the list's");
        try {
            ok(curator, MARK, Map.of("id", paper, "read", true));
            assertTrue(ticked(paper));
            ok(null, "{ papers(first: 100, filter: { list: \"read-list-dump\", read: true }) { nodes { id } } }")
                    .body("data.papers.nodes.id", hasItem(paper));
        } finally {
            ok(curator, MARK, Map.of("id", paper, "read", false));
        }
        assertFalse(ticked(paper));
    }

    @Test
    void anEditorTickingABoxMarksThePaperReadForTheOwner() {
        String paper = firstUnticked();
        String tick = "mutation T($id: ID!, $read: Boolean!) { readStatusUpdate(input: { list: \"read-list-dump\","
                + " paperId: $id, read: $read }) { entry { read } } }";
        try {
            ok(Tokens.editor(), tick, Map.of("id", paper, "read", true)).body("data.readStatusUpdate.entry.read",
                    equalTo(true));
            ok(curator, READ_BY_ME, Map.of("id", paper)).body("data.paper.readByMe", equalTo(true));
            ok(alice, READ_BY_ME, Map.of("id", paper)).body("data.paper.readByMe", equalTo(false));
        } finally {
            ok(Tokens.editor(), tick, Map.of("id", paper, "read", false));
        }
        ok(curator, READ_BY_ME, Map.of("id", paper)).body("data.paper.readByMe", equalTo(false));
    }

    @Test
    void excludeReadLeavesOutWhatTheSignedInReaderRead() {
        String related = "query R($id: ID!) { relatedPapers(paperId: $id, first: 10, excludeRead: true)"
                + " { paper { id } } }";
        String subject = firstUnticked();
        // one that the owner has not read (else anonymous visitors would not get it either)
        String top = ok(null, related, Map.of("id", subject)).extract().path("data.relatedPapers[0].paper.id");
        ok(alice, related, Map.of("id", subject)).body("data.relatedPapers.paper.id", hasItem(top));
        ok(alice, MARK, Map.of("id", top, "read", true));
        ok(alice, related, Map.of("id", subject)).body("data.relatedPapers.paper.id", not(hasItem(top)));
        // anonymous visitors (the owner's checkboxes) and other readers still get it
        ok(null, related, Map.of("id", subject)).body("data.relatedPapers.paper.id", hasItem(top));
        ok(Tokens.reader("bob-" + UUID.randomUUID(), null), related, Map.of("id", subject))
                .body("data.relatedPapers.paper.id", hasItem(top));

        String next = "{ nextPapers(after: \"RoFormer\", first: 10, excludeRead: true) { recommendations"
                + " { paper { id } } } }";
        String firstNext = ok(null, next).extract().path("data.nextPapers.recommendations[0].paper.id");
        ok(alice, MARK, Map.of("id", firstNext, "read", true));
        ok(alice, next).body("data.nextPapers.recommendations.paper.id", not(hasItem(firstNext)));
        ok(null, next).body("data.nextPapers.recommendations.paper.id", hasItem(firstNext));
    }

    @Test
    void theReadFilterIsTheSignedInReadersOwn() {
        String paper = firstUnticked();
        String read = "{ papers(first: 100, filter: { read: true }) { nodes { id } } }";
        ok(alice, read).body("data.papers.nodes", org.hamcrest.Matchers.empty());
        ok(alice, MARK, Map.of("id", paper, "read", true));
        ok(alice, read).body("data.papers.nodes.id", org.hamcrest.Matchers.contains(paper));
        ok(null, read).body("data.papers.nodes.id", not(hasItem(paper)));
    }

    private String firstUnticked() {
        ValidatableResponse dump = ok(null, DUMP);
        List<Boolean> read = dump.extract().path("data.readingList.entries.read");
        return dump.extract().path("data.readingList.entries[" + read.indexOf(false) + "].paper.id");
    }

    private boolean ticked(String paper) {
        ValidatableResponse dump = ok(null, DUMP);
        List<String> ids = dump.extract().path("data.readingList.entries.paper.id");
        List<Boolean> read = dump.extract().path("data.readingList.entries.read");
        return read.get(ids.indexOf(paper));
    }

    private static ValidatableResponse ok(String token, String query) {
        return ok(token, query, Map.of());
    }

    private static ValidatableResponse ok(String token, String query, Map<String, Object> variables) {
        return as(token, query, variables).statusCode(200).body("errors", nullValue());
    }
}
