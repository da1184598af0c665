package dev.readnext.reader;

import static dev.readnext.graphql.GraphQL.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import dev.readnext.DatabaseState;
import dev.readnext.ingest.ImportFailureInjector;
import dev.readnext.security.Tokens;

/**
 * importReadingList by a reader who is not an editor: the list becomes one of their own, private lists (all or
 * nothing, idempotent), its checkboxes their read status, and the catalogue gains its papers but nothing else.
 */
@QuarkusTest
class ReaderImportTest {

    private static final String IMPORT = "mutation I($name: String!, $content: String!) { importReadingList(name:"
            + " $name, content: $content) { created merged unchanged } }";
    private static final String MY_LISTS = "{ me { readingLists { id slug name format visibility"
            + " entries { position section read paper { id title arxivId readByMe } } } } }";

    @Inject
    DataSource db;

    @Inject
    ImportFailureInjector failures;

    private String alice;
    private String bob;
    private String name;
    private String list;
    private List<String> arxivIds;

    @BeforeEach
    void twoReadersAndANewList() {
        alice = Tokens.reader("alice-" + UUID.randomUUID(), "Alice");
        bob = Tokens.reader("bob-" + UUID.randomUUID(), null);
        name = "My attention " + UUID.randomUUID().toString().substring(0, 8);
        // new papers each test (the catalogue keeps what earlier tests imported)
        int base = ThreadLocalRandom.current().nextInt(10_000, 99_000);
        arxivIds = List.of("2412." + base, "2412." + (base + 1), "2412." + (base + 2));
        list = """
                # %s

                ## Kernels
                - [x] [Sparse Kernel Trick %d](https://arxiv.org/abs/%s)
                - [ ] [Dense Kernel Trick %d](https://arxiv.org/abs/%s)

                ## Serving
                - [ ] [Paged Serving Trick %d](https://arxiv.org/abs/%s)
                """.formatted(name, base, arxivIds.get(0), base, arxivIds.get(1), base, arxivIds.get(2));
    }

    @AfterEach
    void disarm() {
        failures.disarm();
    }

    @Test
    void aReaderImportsIntoTheirOwnPrivateListAndTheCatalogueGainsThePapers() throws SQLException {
        long topics = DatabaseState.count(db, "SELECT count(*) FROM topic");
        ok(alice, IMPORT, Map.of("name", name, "content", list)).body("data.importReadingList.created", equalTo(3));

        ValidatableResponse mine = ok(alice, MY_LISTS, Map.of())
                .body("data.me.readingLists", hasSize(1))
                .body("data.me.readingLists[0].name", equalTo(name))
                .body("data.me.readingLists[0].format", equalTo("CHECKLIST"))
                .body("data.me.readingLists[0].visibility", equalTo("PRIVATE"))
                .body("data.me.readingLists[0].entries.paper.arxivId", contains(arxivIds.toArray()))
                .body("data.me.readingLists[0].entries.section", contains("Kernels", "Kernels", "Serving"))
                // the checkboxes are the reader's read status
                .body("data.me.readingLists[0].entries.read", contains(true, false, false))
                .body("data.me.readingLists[0].entries.paper.readByMe", contains(true, false, false));
        String listId = mine.extract().path("data.me.readingLists[0].id");
        String slug = mine.extract().path("data.me.readingLists[0].slug");

        // the catalogue has the papers, not the list, nor topics from its headings, nor anyone else's reads
        ok(null, "query A($a: String!) { paper(arxivId: $a) { title lists { list { id } } } }",
                Map.of("a", arxivIds.get(0))).body("data.paper.title", equalTo(
                        "Sparse Kernel Trick " + arxivIds.get(0).substring(5)))
                .body("data.paper.lists", hasSize(0));
        ok(null, "{ readingLists { id } }", Map.of()).body("data.readingLists.id", not(hasItem(listId)));
        as(null, "query L($s: String!) { readingList(slug: $s) { id } }", Map.of("s", slug))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        assertEquals(topics, DatabaseState.count(db, "SELECT count(*) FROM topic"));
        ok(bob, "query A($a: String!) { paper(arxivId: $a) { readByMe } }", Map.of("a", arxivIds.get(0)))
                .body("data.paper.readByMe", equalTo(false));

        // no one else can reach it
        for (String other : new String[] { bob, null, Tokens.editor() }) {
            ok(other, "query N($id: ID!) { node(id: $id) { id } }", Map.of("id", listId)).body("data.node", nullValue());
        }
        ok(bob, MY_LISTS, Map.of()).body("data.me.readingLists", hasSize(0));
    }

    @Test
    void importingTheSameListAgainChangesNothing() throws SQLException {
        ok(alice, IMPORT, Map.of("name", name, "content", list));
        var before = DatabaseState.rowVersions(db);
        ok(alice, IMPORT, Map.of("name", name, "content", list))
                .body("data.importReadingList.created", equalTo(0))
                .body("data.importReadingList.merged", equalTo(0))
                .body("data.importReadingList.unchanged", equalTo(3));
        assertEquals(before, DatabaseState.rowVersions(db));
    }

    @Test
    void reImportingSetsTheCheckboxesAndTheListToTheNewContent() {
        ok(alice, IMPORT, Map.of("name", name, "content", list));
        String changed = list.replace("- [x] [Sparse", "- [ ] [Sparse").replace("- [ ] [Paged", "- [x] [Paged")
                .replace("- [ ] [Dense Kernel Trick", "<!-- gone -->");
        ok(alice, IMPORT, Map.of("name", name, "content", changed));
        ok(alice, MY_LISTS, Map.of())
                .body("data.me.readingLists[0].entries.paper.arxivId", contains(arxivIds.get(0), arxivIds.get(2)))
                .body("data.me.readingLists[0].entries.read", contains(false, true));
    }

    @Test
    void twoReadersImportingUnderOneNameGetTwoListsAndAnEditorTheCatalogues() {
        ok(alice, IMPORT, Map.of("name", name, "content", list));
        ok(bob, IMPORT, Map.of("name", name, "content", list.replace("- [x]", "- [ ]")))
                .body("data.importReadingList.created", equalTo(0));
        ok(alice, MY_LISTS, Map.of()).body("data.me.readingLists[0].entries.read", contains(true, false, false));
        ok(bob, MY_LISTS, Map.of()).body("data.me.readingLists[0].entries.read", contains(false, false, false));
        String aliceList = ok(alice, MY_LISTS, Map.of()).extract().path("data.me.readingLists[0].id");
        String bobList = ok(bob, MY_LISTS, Map.of()).extract().path("data.me.readingLists[0].id");
        org.junit.jupiter.api.Assertions.assertNotEquals(aliceList, bobList);
        ok(null, "{ readingLists { name } }", Map.of()).body("data.readingLists.name", not(hasItem(name)));
    }

    @Test
    void aFailureHalfWayLeavesEveryTableAsItWas() throws SQLException {
        ok(alice, "{ me { id } }", Map.of()); // the reader exists before: the import alone is all or nothing
        var before = DatabaseState.counts(db);
        failures.failAfter(1);
        as(alice, IMPORT, Map.of("name", name, "content", list)).body("errors[0].extensions.code", equalTo("INTERNAL"));
        failures.disarm();
        assertEquals(before, DatabaseState.counts(db));
        ok(alice, MY_LISTS, Map.of()).body("data.me.readingLists", hasSize(0));
    }

    @Test
    void garbageIsBadUserInputAndWritesNothing() throws SQLException {
        ok(alice, "{ me { id } }", Map.of());
        var before = DatabaseState.counts(db);
        as(alice, IMPORT, Map.of("name", name, "content", "no links here, only words"))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", equalTo("content"));
        assertEquals(before, DatabaseState.counts(db));
    }

    @Test
    void aCourseScheduleImportedByAReaderMakesNoCourse() throws SQLException {
        long courses = DatabaseState.count(db, "SELECT count(*) FROM course");
        String schedule = """
                Reader course %s — Weekly Reading Schedule with TL;DRs
                Week 1‑1 (09/08/2025): Attention
                - Dense Kernel Trick %s: Kernels, densely.
                Week 1‑2 (09/12/2025): Kernels
                - Sparse Kernel Trick %s: Kernels, sparsely.
                """.formatted(name, arxivIds.get(1).substring(5), arxivIds.get(0).substring(5));
        ok(alice, IMPORT, Map.of("name", name, "content", schedule));
        ok(alice, MY_LISTS, Map.of()).body("data.me.readingLists[0].format", equalTo("COURSE_SCHEDULE"))
                .body("data.me.readingLists[0].entries", hasSize(2));
        assertEquals(courses, DatabaseState.count(db, "SELECT count(*) FROM course"));
    }

    @Test
    void aTokenWithoutSubjectCannotImport() throws SQLException {
        var before = DatabaseState.counts(db);
        as(Tokens.withGroups(java.util.Set.of("reader"), java.time.Duration.ofMinutes(5)), IMPORT,
                Map.of("name", name, "content", list)).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        assertEquals(before, DatabaseState.counts(db));
    }

    private static ValidatableResponse ok(String token, String query, Map<String, Object> variables) {
        return as(token, query, variables).statusCode(200).body("errors", nullValue());
    }
}
