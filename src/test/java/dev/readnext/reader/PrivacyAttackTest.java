package dev.readnext.reader;

import static dev.readnext.graphql.GraphQL.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;

import dev.readnext.api.Ids;
import dev.readnext.security.Roles;
import dev.readnext.security.Tokens;

/**
 * A hostile tester's attempts (issue 17) to learn reader Alice's private lists, their entries, her read status, feed,
 * export or even her existence, as another reader (Bob), as an anonymous visitor and as an editor (with and without a
 * sub claim), through every entry point: node/nodes with crafted and enumerated ids, the catalogue's list queries,
 * Paper.lists and ReadingListEntry.list, the papers filter and search, the recommendations (structure signals),
 * error messages, the visibility mutation, saveToList and import collisions, and a PUBLIC list's neighbourhood.
 * Every answer an attacker gets is also scanned for Alice's secret names.
 */
@QuarkusTest
class PrivacyAttackTest {

    private static final String SAVE = "mutation S($id: ID!, $list: String!) { saveToList(paperId: $id, list: $list)"
            + " { position paper { id } list { id slug name } } }";
    private static final String MARK = "mutation M($id: ID!) { markRead(paperId: $id) { id } }";
    private static final String IMPORT = "mutation I($name: String!, $content: String!) { importReadingList(name:"
            + " $name, content: $content) { created merged unchanged warnings { list message } } }";
    private static final String VISIBILITY = "mutation V($id: ID!, $v: ListVisibility!) {"
            + " readingListVisibilityUpdate(input: { listId: $id, visibility: $v }) { readingList { id visibility } } }";
    private static final String MY_LISTS = "{ me { id readingLists { id slug name visibility"
            + " entries { position read paper { id } } } } }";
    private static final String UNKNOWN_LIST_ID = Ids.global(Ids.READING_LIST, 987_654_321L);

    private String alice;
    private String aliceName;
    private String aliceId;
    private String bob;
    private String editor;
    private String editorWithSub;
    /** Alice's private list: its name (unique per test), id and slug, holding papers 0 and 1 */
    private String secret;
    private String secretListId;
    private String secretSlug;
    /** Alice read paper 2 (in none of her lists) */
    private List<Map<String, Object>> papers;

    @BeforeEach
    void aliceHasAPrivateListAndReadsSomething() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        aliceName = "Alice Hidden " + run;
        alice = Tokens.reader("alice-" + run, aliceName);
        bob = Tokens.reader("bob-" + run, "Bob");
        editor = Tokens.editor();
        editorWithSub = Jwt.issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).subject("editor-" + run)
                .upn("editor-" + run + "@readnext.dev").groups(Set.of(Roles.EDITOR))
                .expiresIn(Duration.ofHours(1)).sign("jwt/dev-private.pem");
        secret = "Zebracorn " + run;
        // arXiv papers with plain titles, so that an import can name them exactly
        List<Map<String, Object>> page = ok(null, "{ papers(first: 100) { nodes { id title arxivId } } }", Map.of())
                .extract().path("data.papers.nodes");
        papers = page.stream().filter(p -> p.get("arxivId") != null && ((String) p.get("title")).matches("[\\w :,.'-]+"))
                .toList();
        assertTrue(papers.size() >= 12, "the seed has enough arXiv papers");
        secretListId = save(alice, paper(0), secret).extract().path("data.saveToList.list.id");
        secretSlug = save(alice, paper(1), secret).extract().path("data.saveToList.list.slug");
        ok(alice, MARK, Map.of("id", paper(2)));
        aliceId = ok(alice, "{ me { id } }", Map.of()).extract().path("data.me.id");
    }

    /** Bob, an anonymous visitor, an editor (its token has no sub) and an editor who is also a reader. */
    private List<String> attackers() {
        return Arrays.asList(bob, null, editor, editorWithSub);
    }

    @Test
    void nodeAndNodesAnswerAnotherReadersListAndReaderAsNothingWhateverTheIdsSpelling() {
        long listKey = Ids.decode("id", secretListId).key();
        long readerKey = Ids.decode("id", aliceId).key();
        String listIdPadded = secretListId + "=".repeat((4 - secretListId.length() % 4) % 4);
        List<String> spellings = List.of(secretListId, " " + secretListId + " ", listIdPadded,
                Ids.global(Ids.READING_LIST, listKey), aliceId, " " + aliceId + "\n");
        String query = "query N($id: ID!, $ids: [ID!]!) { node(id: $id) { id ... on ReadingList { name entries"
                + " { paper { id } } } ... on Reader { readerName: name } } nodes(ids: $ids) { id } }";
        for (String attacker : attackers()) {
            for (String id : spellings) {
                String answer = as(attacker, query, Map.of("id", id, "ids", List.of(id, id))).statusCode(200)
                        .extract().asString();
                // a spelling the decoder refuses is BAD_USER_INPUT; any other finds nothing
                assertTrue(answer.contains("\"node\":null") || answer.contains("BAD_USER_INPUT"), answer);
                assertNoSecret(answer);
            }
            // the very same answer as for a list or reader that never existed, but for the id itself
            String unknownList = Ids.global(Ids.READING_LIST, 987_654_321L);
            String unknownReader = Ids.global(Ids.READER, 987_654_321L);
            assertEquals(nodeAnswer(attacker, unknownList).replace(unknownList, secretListId),
                    nodeAnswer(attacker, secretListId));
            assertEquals(nodeAnswer(attacker, unknownReader).replace(unknownReader, aliceId),
                    nodeAnswer(attacker, aliceId));
        }
        // Alice herself finds both, so the ids are right
        ok(alice, query, Map.of("id", secretListId, "ids", List.of(aliceId))).body("data.node.name", equalTo(secret))
                .body("data.nodes[0].id", equalTo(aliceId));
        assertNotEquals(0, readerKey);
    }

    @Test
    void enumeratingListAndReaderKeysFindsOnlyPublicListsAndTheCallerThemself() {
        long listKey = Ids.decode("id", secretListId).key();
        long readerKey = Ids.decode("id", aliceId).key();
        List<String> listIds = new ArrayList<>();
        List<String> readerIds = new ArrayList<>();
        for (long k = Math.max(1, listKey - 60); k < Math.max(1, listKey - 60) + 100; k++) {
            listIds.add(Ids.global(Ids.READING_LIST, k));
        }
        for (long k = Math.max(1, readerKey - 60); k < Math.max(1, readerKey - 60) + 100; k++) {
            readerIds.add(Ids.global(Ids.READER, k));
        }
        assertTrue(listIds.contains(secretListId) && readerIds.contains(aliceId));
        for (String attacker : attackers()) {
            ValidatableResponse lists = ok(attacker, "query N($ids: [ID!]!) { nodes(ids: $ids) { id"
                    + " ... on ReadingList { visibility name } } }", Map.of("ids", listIds));
            List<Map<String, Object>> found = lists.extract().path("data.nodes");
            assertFalse(found.stream().anyMatch(n -> n != null && secretListId.equals(n.get("id"))));
            assertFalse(lists.extract().asString().contains(secretSlug));
            found.stream().filter(n -> n != null)
                    .forEach(n -> assertEquals("PUBLIC", n.get("visibility"), "another's private list: " + n));
            assertNoSecret(lists.extract().asString());
            String self = attacker == null ? null : as(attacker, "{ me { id } }", Map.of()).extract().path("data.me.id");
            List<Map<String, Object>> readers = ok(attacker, "query N($ids: [ID!]!) { nodes(ids: $ids) { id } }",
                    Map.of("ids", readerIds)).extract().path("data.nodes");
            readers.stream().filter(n -> n != null)
                    .forEach(n -> assertEquals(self, n.get("id"), "only the caller's own reader: " + n));
        }
    }

    @Test
    void theCataloguesListQueriesAnswerAnotherReadersSlugAsAnUnknownOne() {
        String unknown = "no-such-list-" + UUID.randomUUID();
        String[] queries = {
            "query Q($s: String!) { readingList(slug: $s) { name entries { paper { id } } } }",
            "query Q($s: String!) { papers(filter: { list: $s }) { totalCount nodes { id } } }",
            "query Q($s: String!) { papers(filter: { list: $s, read: true }) { totalCount } }",
            "query Q($s: String!) { papersConnection: papers(first: 5, filter: { list: $s, read: false }) { totalCount } }",
            "query Q($s: String!) { search(text: \"attention\", filter: { list: $s }) { paper { id } } }",
        };
        for (String attacker : attackers()) {
            for (String query : queries) {
                String mine = notFound(attacker, query, Map.of("s", secretSlug));
                assertEquals(notFound(attacker, query, Map.of("s", unknown)).replace(unknown, secretSlug), mine);
                assertNoSecret(mine);
            }
            String all = ok(attacker, "{ readingLists { id slug name } readingListsConnection(first: 100)"
                    + " { totalCount nodes { id slug name } } }", Map.of()).extract().asString();
            assertFalse(all.contains(q(secretListId)) || all.contains(secretSlug), all);
            assertNoSecret(all);
        }
        // editors' checkbox mutations reach the catalogue's lists only, with the unknown slug's answer
        for (String mutation : List.of(
                "mutation R($s: String!, $p: ID!) { readStatusUpdate(input: { list: $s, paperId: $p, read: true })"
                        + " { entry { read } } }",
                "mutation R($s: String!, $p: ID!) { setReadStatus(list: $s, paperId: $p, read: true) { read } }")) {
            for (String anEditor : List.of(editor, editorWithSub)) {
                String mine = notFound(anEditor, mutation, Map.of("s", secretSlug, "p", paper(0)));
                assertEquals(notFound(anEditor, mutation, Map.of("s", unknown, "p", paper(0)))
                        .replace(unknown, secretSlug), mine);
                assertNoSecret(mine);
            }
        }
        ok(alice, "query P($id: ID!) { paper(id: $id) { readByMe } }", Map.of("id", paper(0)))
                .body("data.paper.readByMe", equalTo(false));
    }

    @Test
    void paperListsAndTheirEntriesListsReachOnlyTheCataloguesLists() {
        String query = "query P($ids: [ID!]!) { nodes(ids: $ids) { ... on Paper { id readByMe"
                + " lists { read list { id name visibility entries { list { id name } } } } } } }";
        for (String attacker : attackers()) {
            ValidatableResponse answer = ok(attacker, query, Map.of("ids", List.of(paper(0), paper(1), paper(2))));
            String text = answer.extract().asString();
            assertFalse(text.contains(q(secretListId)) || text.contains(secretSlug), text);
            assertNoSecret(text);
            answer.body("data.nodes.lists.flatten().list.visibility", everyItem(equalTo("PUBLIC")));
        }
    }

    @Test
    void noOneElseSeesAReadersReadStatusNorDoesItMoveTheCataloguesCheckboxes() {
        // a paper of a catalogue list that the catalogue's owner has not ticked
        List<Map<String, Object>> entries = ok(null, "{ readingListsConnection(first: 3) { nodes { entriesConnection("
                + "first: 100) { nodes { read paper { id } } } } } }", Map.of()).extract()
                .path("data.readingListsConnection.nodes.entriesConnection.nodes.flatten()");
        String unticked = entries.stream().filter(e -> !(Boolean) e.get("read"))
                .map(e -> (String) ((Map<?, ?>) e.get("paper")).get("id")).findFirst().orElseThrow();
        String readFilter = "{ papers(first: 100, filter: { read: true }) { totalCount nodes { id } } }";
        int anonymousReadBefore = ok(null, readFilter, Map.of()).extract().path("data.papers.totalCount");
        String entryQuery = "query P($id: ID!) { paper(id: $id) { readByMe lists { read } } }";

        ok(alice, MARK, Map.of("id", unticked));
        ok(alice, entryQuery, Map.of("id", unticked)).body("data.paper.readByMe", equalTo(true))
                // the catalogue's checkbox is its owner's, even for Alice
                .body("data.paper.lists.read", everyItem(equalTo(false)));
        for (String attacker : attackers()) {
            boolean signedIn = bob.equals(attacker) || editorWithSub.equals(attacker);
            ok(attacker, entryQuery, Map.of("id", unticked))
                    .body("data.paper.readByMe", signedIn ? equalTo(false) : nullValue())
                    .body("data.paper.lists.read", everyItem(equalTo(false)));
            ok(attacker, entryQuery, Map.of("id", paper(2)))
                    .body("data.paper.readByMe", signedIn ? equalTo(false) : nullValue());
            ValidatableResponse read = ok(attacker, readFilter, Map.of())
                    .body("data.papers.nodes.id", not(hasItem(unticked)));
            if (signedIn) {
                read.body("data.papers.totalCount", equalTo(0));
                ok(attacker, "{ me { read(first: 100) { totalCount } readHistory { paper { id } } readingLists"
                        + " { id } } }", Map.of()).body("data.me.read.totalCount", equalTo(0))
                        .body("data.me.readHistory", hasSize(0)).body("data.me.readingLists", hasSize(0));
            } else {
                // anonymous visitors and editors without a sub see the catalogue owner's status, untouched by Alice
                read.body("data.papers.totalCount", equalTo(anonymousReadBefore));
                ok(attacker, "{ me { id } }", Map.of()).body("data.me", nullValue());
            }
        }
    }

    @Test
    void aPublicListShowsItsEntriesAndCheckboxesAndNothingElseOfItsOwner() {
        String publicName = "Open shelf " + UUID.randomUUID().toString().substring(0, 8);
        String publicId = save(alice, paper(3), publicName).extract().path("data.saveToList.list.id");
        String publicSlug = save(alice, paper(4), publicName).extract().path("data.saveToList.list.slug");
        save(alice, paper(3), secret); // paper 3 is in her private list too
        ok(alice, MARK, Map.of("id", paper(4)));
        ok(alice, VISIBILITY, Map.of("id", publicId, "v", "PUBLIC"));
        String query = "query N($id: ID!) { node(id: $id) { id ... on ReadingList { name slug format visibility"
                + " entries { position section read list { id name }"
                + " paper { id readByMe lists { list { id name } } related(first: 5) { paper { id } explanation } } }"
                + " entriesConnection(first: 10) { totalCount nodes { read list { id } } } } } }";
        for (String attacker : attackers()) {
            ValidatableResponse answer = ok(attacker, query, Map.of("id", publicId))
                    .body("data.node.name", equalTo(publicName))
                    .body("data.node.entries.paper.id", contains(paper(3), paper(4)))
                    // the checkboxes are Alice's status of these papers: by design
                    .body("data.node.entries.read", contains(false, true))
                    .body("data.node.entries.list.id", everyItem(equalTo(publicId)))
                    .body("data.node.entries.paper.readByMe", everyItem(
                            bob.equals(attacker) || editorWithSub.equals(attacker) ? equalTo(false) : nullValue()))
                    .body("data.node.entriesConnection.totalCount", equalTo(2));
            String text = answer.extract().asString();
            // not her other list (paper 3 is in it), her other reads, her name or her reader id
            assertNoSecret(text);
            assertFalse(text.contains(q(secretListId)) || text.contains(secretSlug)
                    || text.contains(q(aliceId)), text);
            // published by its id only: not among the catalogue's lists, nor a papers filter or a slug
            ok(attacker, "{ readingLists { id } }", Map.of()).body("data.readingLists.id", not(hasItem(publicId)));
            notFound(attacker, "query Q($s: String!) { readingList(slug: $s) { id } }", Map.of("s", publicSlug));
            notFound(attacker, "query Q($s: String!) { papers(filter: { list: $s }) { totalCount } }",
                    Map.of("s", publicSlug));
        }
    }

    @Test
    void onlyTheOwnerChangesAListsVisibilityAndEveryoneElseGetsTheUnknownIdsAnswer() {
        String publicName = "Open shelf " + UUID.randomUUID().toString().substring(0, 8);
        String publicId = save(alice, paper(5), publicName).extract().path("data.saveToList.list.id");
        ok(alice, VISIBILITY, Map.of("id", publicId, "v", "PUBLIC"));
        for (String attacker : List.of(bob, editor, editorWithSub)) {
            // an editor whose token names no reader has no lists at all: UNAUTHENTICATED, whatever the id
            String code = editor.equals(attacker) ? "UNAUTHENTICATED" : "NOT_FOUND";
            for (String listId : List.of(secretListId, publicId)) {
                for (String visibility : List.of("PUBLIC", "PRIVATE")) {
                    String mine = refused(attacker, VISIBILITY, Map.of("id", listId, "v", visibility), code);
                    assertEquals(refused(attacker, VISIBILITY, Map.of("id", UNKNOWN_LIST_ID, "v", visibility), code)
                            .replace(UNKNOWN_LIST_ID, listId), mine);
                    assertNoSecret(mine);
                }
            }
        }
        as(null, VISIBILITY, Map.of("id", secretListId, "v", "PUBLIC"))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED")).body("data", nullValue());
        ok(alice, MY_LISTS, Map.of()).body("data.me.readingLists.find { it.id == '" + secretListId + "' }.visibility",
                equalTo("PRIVATE")).body("data.me.readingLists.find { it.id == '" + publicId + "' }.visibility",
                equalTo("PUBLIC"));
    }

    @Test
    void savingOrImportingUnderAnotherReadersListNameMakesOnesOwnListAndLeavesHersAlone() {
        ValidatableResponse saved = save(bob, paper(6), secret).body("data.saveToList.position", equalTo(1));
        assertNotEquals(secretListId, saved.extract().path("data.saveToList.list.id"));
        ok(bob, MY_LISTS, Map.of()).body("data.me.readingLists", hasSize(1))
                .body("data.me.readingLists[0].entries.paper.id", contains(paper(6)));
        // an import under her name, with a paper she has in her list, and one with a broken line
        String content = "# x\n- [ ] [%s](https://arxiv.org/abs/%s)\n- [ ] [%s](https://arxiv.org/abs/%s)\n- [ ] [no link]\n"
                .formatted(papers.get(7).get("title"), papers.get(7).get("arxivId"),
                        papers.get(0).get("title"), papers.get(0).get("arxivId"));
        String report = ok(bob, IMPORT, Map.of("name", secret, "content", content)).extract().asString();
        assertFalse(report.contains(aliceName) || report.contains(q(secretListId)), report);
        ok(bob, MY_LISTS, Map.of()).body("data.me.readingLists", hasSize(1))
                .body("data.me.readingLists[0].id", equalTo(saved.extract().path("data.saveToList.list.id")))
                .body("data.me.readingLists[0].entries.paper.id", contains(paper(7), paper(0)))
                .body("data.me.readingLists[0].entries.read", contains(false, false));
        ok(alice, MY_LISTS, Map.of()).body("data.me.readingLists", hasSize(1))
                .body("data.me.readingLists[0].id", equalTo(secretListId))
                .body("data.me.readingLists[0].entries.paper.id", contains(paper(0), paper(1)));
    }

    @Test
    void anotherReadersListNameExportsAsAnUnknownOne() {
        String unknown = "never a list " + UUID.randomUUID();
        String query = "query E($l: String) { me { export(format: BIBTEX, list: $l) } }";
        for (String attacker : List.of(bob, editorWithSub)) {
            String mine = notFound(attacker, query, Map.of("l", secret));
            assertEquals(notFound(attacker, query, Map.of("l", unknown)).replace(unknown, secret), mine);
            ok(attacker, "{ me { bib: export(format: BIBTEX) csl: export(format: CSL_JSON) } }", Map.of())
                    .body("data.me.bib", equalTo("")).body("data.me.csl", equalTo("[ ]"));
        }
        for (String anonymous : Arrays.asList(null, editor)) {
            ok(anonymous, "{ me { export(format: BIBTEX) feed { paper { id } } } }", Map.of())
                    .body("data.me", nullValue());
        }
    }

    @Test
    void aReadersPrivateListReadsAndSavesChangeNoOneElsesRecommendationsSearchOrFeed() {
        Map<String, Object> subject = papers.get(8);
        Map<String, Object> far = papers.get(papers.size() - 1);
        String recommendations = "query R($id: ID!, $ids: [String!]!, $arxiv: String!, $words: String!) {"
                + " relatedPapers(paperId: $id, first: 20) { paper { id } score reasons explanation }"
                + " excluding: relatedPapers(paperId: $id, first: 20, excludeRead: true) { paper { id } score }"
                + " recommend(positive: $ids, negative: [], first: 20) { paper { id } score explanation }"
                + " nextPapers(after: $arxiv, first: 10) { recommendations { paper { id } score explanation } }"
                + " paper(id: $id) { related(first: 10) { paper { id } score explanation } }"
                + " search(text: $words, first: 20) { paper { id } score } }";
        Map<String, Object> variables = Map.of("id", subject.get("id"), "ids", List.of(subject.get("id")),
                "arxiv", subject.get("arxivId"), "words", far.get("title"));
        // Bob's feed follows from the same paper
        ok(bob, MARK, Map.of("id", subject.get("id")));
        String feed = "{ me { feed(first: 10) { paper { id } score explanation because { id } } } }";
        Map<String, String> before = new HashMap<>();
        for (String attacker : attackers()) {
            before.put(String.valueOf(attacker), ok(attacker, recommendations, variables).extract().asString());
        }
        String bobsFeed = ok(bob, feed, Map.of()).extract().asString();

        // Alice files the subject and a far paper under one private heading, reads the far one, saves more
        String section = "Zebracorn section " + UUID.randomUUID().toString().substring(0, 8);
        String content = "# %s\n\n## %s\n- [ ] [%s](https://arxiv.org/abs/%s)\n- [x] [%s](https://arxiv.org/abs/%s)\n"
                .formatted(secret, section, subject.get("title"), subject.get("arxivId"), far.get("title"),
                        far.get("arxivId"));
        ok(alice, IMPORT, Map.of("name", secret + " imported", "content", content));
        save(alice, (String) far.get("id"), secret);
        ok(alice, MARK, Map.of("id", subject.get("id")));

        for (String attacker : attackers()) {
            String after = ok(attacker, recommendations, variables).extract().asString();
            assertEquals(before.get(String.valueOf(attacker)), after);
            assertFalse(after.contains(section), after);
        }
        assertEquals(bobsFeed, ok(bob, feed, Map.of()).extract().asString());
    }

    @Test
    void concurrentRequestsOfTwoReadersAndVisitorsNeverSeeEachOthersState() throws Exception {
        String query = "query P($ids: [ID!]!) { me { readingLists { name } read(first: 5) { nodes { id } } }"
                + " nodes(ids: $ids) { ... on Paper { readByMe } } }";
        Map<String, Object> variables = Map.of("ids", List.of(paper(0), paper(1), paper(2)));
        List<String> callers = Arrays.asList(alice, bob, null, editor, editorWithSub);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String caller = callers.get(i % callers.size());
                answers.add(pool.submit(() -> ok(caller, query, variables).extract().asString()));
            }
            for (int i = 0; i < answers.size(); i++) {
                String caller = callers.get(i % callers.size());
                String answer = answers.get(i).get(30, TimeUnit.SECONDS);
                List<Object> readByMe = JsonPath.from(answer).getList("data.nodes.readByMe");
                boolean signedIn = bob.equals(caller) || editorWithSub.equals(caller);
                if (alice.equals(caller)) {
                    assertTrue(answer.contains(secret) && answer.contains(q(paper(2))), answer);
                    assertEquals(List.of(false, false, true), readByMe, answer);
                } else {
                    assertNoSecret(answer);
                    assertFalse(answer.contains(q(paper(2))), answer);
                    assertEquals(signedIn ? List.of(false, false, false) : Arrays.asList(null, null, null), readByMe,
                            answer);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * LEAK (found by this test): a reader's private import that names a catalogue paper (by its link) under a longer
     * title renames the catalogue's paper to that title for everyone (PaperMerger.fill keeps the longer title) and
     * search finds the paper by the private words. The text of a private list thus becomes public (though not who
     * wrote it).
     */
    @Test
    void aPrivateImportsWordsDoNotBecomeTheCataloguesTitlesAliasesOrSearchTerms() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String url = "https://example.org/privacy-probe-" + run;
        String title = "Privacy probe " + run;
        // Bob's import brings the paper into the catalogue under a plain title
        ok(bob, IMPORT, Map.of("name", "probe " + run, "content", "- [ ] [" + title + "](" + url + ")\n"));
        String paperId = ok(null, "query S($t: String!) { search(text: $t) { paper { id title } } }",
                Map.of("t", title)).extract().path("data.search[0].paper.id");
        // Alice's private list names it by its link, with her private note in the title
        String note = "Quokkafire " + run;
        ok(alice, IMPORT, Map.of("name", secret + " notes", "content",
                "- [ ] [" + title + " for my " + note + " divorce case](" + url + ")\n"));
        for (String attacker : attackers()) {
            String answer = ok(attacker, "query P($id: ID!, $t: String!) { paper(id: $id) { title slug tldr aliases }"
                    + " search(text: $t) { paper { id } highlight } }", Map.of("id", paperId, "t", note))
                    .extract().asString();
            assertFalse(answer.contains(note), "a private list's text in the catalogue: " + answer);
            assertFalse(answer.contains(q(paperId)), "found by a private list's words: " + answer);
        }
    }

    /**
     * LEAK (found by this test): a reader's private import that names a catalogue paper (by its link) under another
     * title adds that title to the paper's public aliases (Paper.aliases), and resolvePaper finds the paper by it.
     */
    @Test
    void aPrivateImportsOtherTitleForACataloguePaperDoesNotBecomeAPublicAlias() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String url = "https://example.org/privacy-alias-probe-" + run;
        String title = "A rather long and entirely public title of the alias probe " + run;
        ok(bob, IMPORT, Map.of("name", "alias probe " + run, "content", "- [ ] [" + title + "](" + url + ")\n"));
        String paperId = ok(null, "query S($t: String!) { search(text: $t) { paper { id } } }",
                Map.of("t", title)).extract().path("data.search[0].paper.id");
        String note = "Quokkafire thesis " + run;
        ok(alice, IMPORT, Map.of("name", secret + " aliases", "content", "- [ ] [" + note + "](" + url + ")\n"));
        for (String attacker : attackers()) {
            ValidatableResponse answer = ok(attacker, "query P($id: ID!, $t: String!) { paper(id: $id) { title aliases }"
                    + " resolvePaper(text: $t) { paper { id } } }", Map.of("id", paperId, "t", note));
            assertFalse(answer.extract().asString().contains(note), "a private list's text in the catalogue: "
                    + answer.extract().asString());
            answer.body("data.resolvePaper.paper.id", not(hasItem(paperId)));
        }
    }

    /**
     * LEAK (found by this test), the same merge as above: a reader's private BibTeX import fills in what a catalogue
     * paper lacks (here its abstract, authors and year) from the reader's entry, for everyone to read and search.
     */
    @Test
    void aPrivateBibtexImportDoesNotFillInACataloguePapersAbstractOrAuthors() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String url = "https://example.org/privacy-bibtex-probe-" + run;
        String title = "Bibtex privacy probe " + run;
        ok(bob, IMPORT, Map.of("name", "bibtex probe " + run, "content", "- [ ] [" + title + "](" + url + ")\n"));
        String paperId = ok(null, "query S($t: String!) { search(text: $t) { paper { id } } }",
                Map.of("t", title)).extract().path("data.search[0].paper.id");
        String note = "Quokkafire " + run;
        ok(alice, IMPORT, Map.of("name", secret + " bib", "content", """
                @misc{probe,
                  title = {%s},
                  author = {Hidden, Alice},
                  year = {2021},
                  url = {%s},
                  abstract = {My private reading note: %s for the grant panel.}
                }
                """.formatted(title, url, note)));
        for (String attacker : attackers()) {
            String answer = ok(attacker, "query P($id: ID!, $t: String!) { paper(id: $id) { abstract authors year }"
                    + " search(text: $t) { paper { id } } }", Map.of("id", paperId, "t", note)).extract().asString();
            assertFalse(answer.contains(note) || answer.contains("Hidden") || answer.contains(q(paperId)),
                    "a private list's text in the catalogue: " + answer);
        }
    }

    private static final String SECRET_WORD = "Zebracorn";

    private void assertNoSecret(String answer) {
        assertFalse(answer.contains(secret) || answer.contains(SECRET_WORD) || answer.contains(aliceName), answer);
    }

    private String nodeAnswer(String token, String id) {
        return ok(token, "query N($id: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id } }", Map.of("id", id))
                .body("data.node", nullValue()).extract().asString();
    }

    /** The whole NOT_FOUND answer (data and errors), for comparison with another's. */
    private static String notFound(String token, String query, Map<String, Object> variables) {
        return refused(token, query, variables, "NOT_FOUND");
    }

    private static String refused(String token, String query, Map<String, Object> variables, String code) {
        return as(token, query, variables).statusCode(200).body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo(code)).body("errors[0].message", notNullValue())
                .extract().asString();
    }

    /** A JSON string value, so that an id is not found inside a longer one. */
    private static String q(String id) {
        return '"' + id + '"';
    }

    private String paper(int i) {
        return (String) papers.get(i).get("id");
    }

    private static ValidatableResponse save(String token, String paperId, String list) {
        return ok(token, SAVE, Map.of("id", paperId, "list", list));
    }

    private static ValidatableResponse ok(String token, String query, Map<String, Object> variables) {
        return as(token, query, variables).statusCode(200).body("errors", nullValue());
    }
}
