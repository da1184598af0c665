package dev.readnext.reader;

import static dev.readnext.graphql.GraphQL.as;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import dev.readnext.api.Ids;
import dev.readnext.recommend.FeedRanking;
import dev.readnext.security.Tokens;

/** The "for you" feed (issue 17 item 4): from the caller's own history, never what they read, explained, varied. */
@QuarkusTest
class ReaderFeedTest {

    private static final String MARK = "mutation M($id: ID!) { markRead(paperId: $id) { id } }";
    private static final String SAVE = "mutation S($id: ID!) { saveToList(paperId: $id, list: \"later\")"
            + " { position } }";
    private static final String RESOLVE = "query R($text: String!) { resolvePaper(text: $text, first: 1)"
            + " { paper { id } } }";
    private static final String FEED = "query F($first: Int) { me { feed(first: $first) { paper { id title } score"
            + " reasons because { id } } } }";

    @Inject
    FeedRanking feedRanking;

    private String alice;
    private String bob;

    @BeforeEach
    void twoNewReaders() {
        alice = Tokens.reader("alice-feed-" + UUID.randomUUID(), "Alice");
        bob = Tokens.reader("bob-feed-" + UUID.randomUUID(), "Bob");
    }

    @Test
    void aFeedFromTwoPositionEncodingPapersRecommendsUnreadExplainedAndVariedPapers() {
        List<String> history = List.of(resolve("RoPE"), resolve("YaRN"));
        assertNotEquals(history.get(0), history.get(1));
        history.forEach(id -> ok(alice, MARK, Map.of("id", id)));

        ValidatableResponse feed = ok(alice, FEED, Map.of("first", 10));
        List<String> ids = feed.extract().path("data.me.feed.paper.id");
        List<List<String>> because = feed.extract().path("data.me.feed.because.id");
        assertFalse(ids.isEmpty(), "a history of two papers gives a feed");
        assertTrue(ids.size() <= 10);
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no paper twice");
        for (int i = 0; i < ids.size(); i++) {
            assertFalse(history.contains(ids.get(i)), "a read paper is never in the feed");
            assertFalse(because.get(i).isEmpty(), "every entry says which papers it follows from");
            assertTrue(history.containsAll(because.get(i)), "because names only papers of the reader's history");
        }
        for (int i = 1; i < ids.size(); i++) {
            double similarity = feedRanking.similarity(Ids.paperId("id", ids.get(i - 1)),
                    Ids.paperId("id", ids.get(i)));
            assertTrue(similarity < FeedRanking.NEAR_DUPLICATE, "entries " + (i - 1) + " and " + i
                    + " are near-duplicates: " + similarity);
        }
    }

    @Test
    void nearDuplicatesInTheCatalogueShowOnceInTheFeedThoughThePlainTopKHasThemAll() {
        String rope = resolve("RoPE");
        String yarn = resolve("YaRN");
        List<String> copies = new java.util.ArrayList<>();
        try {
            for (String title : List.of("Rotary position embedding interpolation for long context windows",
                    "Interpolating rotary position embeddings to extend long context windows",
                    "Long context windows by rotary position embedding interpolation")) {
                copies.add(as(Tokens.editor(), "mutation C($title: String!) { createPaper(input: { title: $title,"
                        + " tldr: \"Rotary position embeddings (RoPE) extended to long context windows by interpolating"
                        + " positions of rotary embeddings.\" }) { id } }", Map.of("title", title))
                        .statusCode(200).body("errors", nullValue()).extract().path("data.createPaper.id"));
            }
            ok(alice, MARK, Map.of("id", rope));
            ok(alice, MARK, Map.of("id", yarn));
            // the precondition that makes the test able to fail: without diversity the copies all rank high
            List<String> plain = ok(null, "query P($ids: [String!]!) { recommend(positive: $ids, negative: [],"
                    + " first: 10) { paper { id } } }", Map.of("ids", List.of(rope, yarn)))
                    .extract().path("data.recommend.paper.id");
            assertTrue(plain.stream().filter(copies::contains).count() >= 2, "the plain top 10 has the copies");

            List<String> feed = ok(alice, FEED, Map.of("first", 10)).extract().path("data.me.feed.paper.id");
            assertEquals(1, feed.stream().filter(copies::contains).count(), "one of the near-duplicates: " + feed);
        } finally {
            copies.forEach(id -> as(Tokens.editor(), "mutation D($id: ID!) { deletePaper(id: $id) }", Map.of("id", id))
                    .statusCode(200).body("errors", nullValue()));
        }
    }

    @Test
    void theStructureSignalsCountBesideText() {
        ok(alice, MARK, Map.of("id", resolve("RoPE")));
        List<List<String>> reasons = ok(alice, FEED, Map.of("first", 10)).extract().path("data.me.feed.reasons");
        assertTrue(reasons.stream().flatMap(List::stream).anyMatch(r -> !r.equals("SIMILAR_TEXT")
                && !r.equals("SEMANTICALLY_SIMILAR")), "a course, list or topic reason among " + reasons);
    }

    @Test
    void savedPapersFeedTheFeedAndAreNeverRecommended() {
        String saved = resolve("RoPE");
        ok(alice, SAVE, Map.of("id", saved));
        ValidatableResponse feed = ok(alice, FEED, Map.of("first", 5));
        List<String> ids = feed.extract().path("data.me.feed.paper.id");
        List<List<String>> because = feed.extract().path("data.me.feed.because.id");
        assertFalse(ids.isEmpty());
        assertFalse(ids.contains(saved));
        because.forEach(b -> assertEquals(List.of(saved), b));
    }

    @Test
    void noHistoryIsAnEmptyFeedNotAnError() {
        ok(alice, FEED, Map.of()).body("data.me.feed", empty());
    }

    @Test
    void anonymousVisitorsHaveNoFeed() {
        ok(null, FEED, Map.of()).body("data.me", nullValue());
    }

    @Test
    void anotherReadersFeedCannotBeReachedThroughTheirId() {
        ok(alice, MARK, Map.of("id", resolve("RoPE")));
        String aliceId = ok(alice, "{ me { id } }", Map.of()).extract().path("data.me.id");
        String node = "query N($id: ID!) { node(id: $id) { id ... on Reader { feed { paper { id } } } } }";
        ok(bob, node, Map.of("id", aliceId)).body("data.node", nullValue());
        ok(null, node, Map.of("id", aliceId)).body("data.node", nullValue());
        ok(bob, FEED, Map.of()).body("data.me.feed", empty());
    }

    @Test
    void firstOutside1To50IsBadUserInput() {
        ok(alice, MARK, Map.of("id", resolve("RoPE")));
        for (int first : new int[] { 0, 51, -1 }) {
            as(alice, FEED, Map.of("first", first)).statusCode(200)
                    .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                    .body("errors[0].message", org.hamcrest.Matchers.containsString("first"));
        }
        ok(alice, FEED, Map.of("first", 50));
    }

    @Test
    void twoReadersGetFeedsFromTheirOwnHistories() {
        Set<String> aliceHistory = Set.of(resolve("RoPE"), resolve("YaRN"));
        Set<String> bobHistory = Set.of(resolve("GPTQ"), resolve("FlashAttention"));
        aliceHistory.forEach(id -> ok(alice, MARK, Map.of("id", id)));
        bobHistory.forEach(id -> ok(bob, MARK, Map.of("id", id)));

        List<String> aliceFeed = ok(alice, FEED, Map.of()).extract().path("data.me.feed.paper.id");
        List<String> bobFeed = ok(bob, FEED, Map.of()).extract().path("data.me.feed.paper.id");
        List<List<String>> aliceBecause = ok(alice, FEED, Map.of()).extract().path("data.me.feed.because.id");
        List<List<String>> bobBecause = ok(bob, FEED, Map.of()).extract().path("data.me.feed.because.id");
        assertFalse(aliceFeed.isEmpty());
        assertFalse(bobFeed.isEmpty());
        assertNotEquals(aliceFeed, bobFeed);
        aliceBecause.forEach(b -> assertTrue(aliceHistory.containsAll(b), "alice's feed follows from alice's papers"));
        bobBecause.forEach(b -> assertTrue(bobHistory.containsAll(b), "bob's feed follows from bob's papers"));
        aliceFeed.forEach(id -> assertFalse(aliceHistory.contains(id)));
        bobFeed.forEach(id -> assertFalse(bobHistory.contains(id)));
    }

    private static String resolve(String text) {
        List<String> ids = ok(null, RESOLVE, Map.of("text", text)).extract().path("data.resolvePaper.paper.id");
        assertFalse(ids.isEmpty(), text + " resolves to a paper");
        return ids.get(0);
    }

    private static ValidatableResponse ok(String token, String query, Map<String, Object> variables) {
        return as(token, query, variables).statusCode(200).body("errors", nullValue());
    }
}
