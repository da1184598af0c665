package dev.readnext.ingest;

import static dev.readnext.graphql.GraphQL.as;
import static dev.readnext.graphql.GraphQL.ok;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.readnext.DatabaseState;
import dev.readnext.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;

@QuarkusTest
class ImportReadingListTest {

    private static final String IMPORT = """
            mutation I($name: String!, $content: String!) {
              importReadingList(name: $name, content: $content) { created merged unchanged warnings { line message } } }""";

    private static final String LIST = """
            # Attention reading

            ## Efficient attention
            - [x] [FlashAttention-2: Faster Attention with Better Parallelism and Work Partitioning](https://arxiv.org/abs/2307.08691)
            - [ ] [GQA: Training Generalized Multi-Query Transformer Models from Multi-Head Checkpoints](https://arxiv.org/abs/2305.13245)
            - [ ] [Efficient Memory Management for Large Language Model Serving with PagedAttention](https://arxiv.org/abs/2309.06180)
            """;

    @Inject
    DataSource db;

    @Inject
    ImportFailureInjector failures;

    @AfterEach
    void disarm() {
        failures.disarm();
    }

    @Test
    void importCreatesMergesAndASecondImportChangesNothing() throws SQLException {
        as(Tokens.editor(), IMPORT, Map.of("name", "Attention reading", "content", LIST))
                .body("errors", equalTo(null))
                .body("data.importReadingList.created", equalTo(2))
                .body("data.importReadingList.merged", equalTo(1));
        var before = DatabaseState.rowVersions(db);

        as(Tokens.editor(), IMPORT, Map.of("name", "Attention reading", "content", LIST))
                .body("data.importReadingList.created", equalTo(0))
                .body("data.importReadingList.merged", equalTo(0))
                .body("data.importReadingList.unchanged", equalTo(3));

        assertEquals(before, DatabaseState.rowVersions(db));
        ok("{ readingList(slug: \"attention-reading\") { entries { read paper { arxivId lists { list { slug } } } } } }")
                .body("data.readingList.entries", hasSize(3))
                .body("data.readingList.entries[0].read", equalTo(true))
                .body("data.readingList.entries[2].paper.lists.list.slug", org.hamcrest.Matchers.hasItems(
                        "attention-reading", "read-list-dump", "llm-901"));
    }

    @Test
    void failureHalfWayLeavesEveryTableAsItWas() throws SQLException {
        var before = DatabaseState.counts(db);
        failures.failAfter(1);
        String list = LIST.replace("Attention reading", "Doomed list").replace("2307.08691", "2401.00001")
                .replace("2305.13245", "2401.00002");
        as(Tokens.editor(), IMPORT, Map.of("name", "Doomed list", "content", list))
                .body("errors[0].extensions.code", equalTo("INTERNAL"))
                .body(not(containsString("injected")));
        failures.disarm();
        assertEquals(before, DatabaseState.counts(db));
        ok("{ readingLists { slug } }").body("data.readingLists.slug", not(org.hamcrest.Matchers.hasItem("doomed-list")));
    }

    @Test
    void garbageOrBinaryContentIsBadUserInputAndWritesNothing() throws SQLException {
        var before = DatabaseState.counts(db);
        for (String garbage : new String[] { "just some words, no links at all", "\u0000\u0001\u0002PK\u0003\u0004binary",
                "%PDF-1.7 \u0000\u00ff\u00fe" }) {
            as(Tokens.editor(), IMPORT, Map.of("name", "Garbage", "content", garbage))
                    .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                    .body("errors[0].extensions.field", equalTo("content"));
        }
        assertEquals(before, DatabaseState.counts(db));
    }

    @Test
    void contentOverTwoMegabytesIsRefusedWithAClearError() throws SQLException {
        var before = DatabaseState.counts(db);
        String huge = "- [x](https://example.org/a)\n".repeat(2 * 1024 * 1024 / 28 + 100);
        as(Tokens.editor(), IMPORT, Map.of("name", "Huge", "content", huge))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("2 MB"));
        assertEquals(before, DatabaseState.counts(db));
    }

    @Test
    void aTwoMegabyteListOfThirtyOneThousandLinksImportsInOneTransaction() throws SQLException {
        StringBuilder list = new StringBuilder("# Big list\n");
        for (int i = 0; i < 31_000; i++) {
            if (i % 1_000 == 0) {
                list.append("\n## Big list part ").append(i / 1_000).append("\n");
            }
            list.append("- [Sparse routing study ").append(i).append("](https://big.example.org/p/").append(i)
                    .append(")\n");
        }
        int bytes = list.toString().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes > 1_900_000 && bytes <= ReadingListImport.MAX_CONTENT_BYTES, "size " + bytes);
        try {
            // tens of seconds on a loaded machine: the client waits as long as the import may take
            int importTimeoutMillis = (Importer.LIST_TIMEOUT_SECONDS + 30) * 1000;
            given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.socket.timeout", importTimeoutMillis)))
                    .header("Authorization", "Bearer " + Tokens.editor())
                    .contentType(ContentType.JSON)
                    .body(Map.of("query", IMPORT, "variables", Map.of("name", "Big list", "content", list.toString())))
                    .post("/graphql")
                    .then()
                    .body("errors", equalTo(null))
                    .body("data.importReadingList.created", equalTo(31_000))
                    .body("data.importReadingList.warnings", hasSize(0));

            assertEquals(31_000, DatabaseState.count(db, "SELECT count(*) FROM reading_list_entry e JOIN reading_list l"
                    + " ON l.id = e.list_id WHERE l.slug = 'big-list'"));
            assertEquals(31_000, DatabaseState.count(db, "SELECT count(*) FROM paper_topic pt JOIN topic t"
                    + " ON t.id = pt.topic_id WHERE t.slug LIKE 'big-list-part-%'"));
            assertTrue(DatabaseState.count(db, "SELECT count(*) FROM paper_change WHERE rebuild") > 0,
                    "written in bulk: one index rebuild instead of 31,000 logged changes");
        } finally {
            deleteImported("big-list", "https://big.example.org/");
        }
    }

    @Test
    void aBigListThatChangesFewPapersLogsThemOneByOneInsteadOfARebuild() throws SQLException {
        StringBuilder list = new StringBuilder("## Mid list part 0\n");
        for (int i = 0; i <= Importer.BULK_ENTRIES; i++) {
            list.append("- [Gecko lattice note ").append(i).append("](https://mid.example.org/p/").append(i).append(")\n");
        }
        try {
            as(Tokens.editor(), IMPORT, Map.of("name", "Mid list", "content", list.toString()))
                    .body("errors", equalTo(null));
            long markers = DatabaseState.count(db, "SELECT count(*) FROM paper_change WHERE rebuild");
            // papers' rows only: a published index weighting may add its marker at any time
            long rows = DatabaseState.count(db, "SELECT count(*) FROM paper_change WHERE paper_id IS NOT NULL");
            long catalogueMarkers = DatabaseState.count(db, "SELECT count(*) FROM paper_change WHERE catalogue");
            list.append("- [Gecko lattice sequel](https://mid.example.org/p/sequel)\n")
                    .append("- [Gecko lattice prequel](https://mid.example.org/p/prequel)\n");

            as(Tokens.editor(), IMPORT, Map.of("name", "Mid list", "content", list.toString()))
                    .body("errors", equalTo(null))
                    .body("data.importReadingList.created", equalTo(2));

            assertEquals(markers, DatabaseState.count(db, "SELECT count(*) FROM paper_change WHERE rebuild"));
            assertEquals(rows + 2, DatabaseState.count(db, "SELECT count(*) FROM paper_change WHERE paper_id IS NOT NULL"));
            assertEquals(catalogueMarkers + 1, DatabaseState.count(db, "SELECT count(*) FROM paper_change WHERE catalogue"),
                    "one catalogue marker for the whole import");
            assertEquals(2, DatabaseState.count(db, "SELECT count(*) FROM paper_change c JOIN paper p"
                    + " ON p.id = c.paper_id WHERE p.url LIKE 'https://mid.example.org/p/%quel'"));
        } finally {
            deleteImported("mid-list", "https://mid.example.org/");
        }
    }

    @Test
    void aListWrittenOnOneLineIsReadAsOneEntryPerLink() throws SQLException {
        StringBuilder line = new StringBuilder("-");
        for (int i = 0; i < 200; i++) {
            line.append(" [One-liner paper ").append(i).append("](https://one.example.org/p/").append(i).append(")");
        }
        try {
            as(Tokens.editor(), IMPORT, Map.of("name", "One line", "content", line.toString()))
                    .body("errors", equalTo(null))
                    .body("data.importReadingList.created", equalTo(200))
                    .body("data.importReadingList.warnings[0].line", equalTo(1))
                    .body("data.importReadingList.warnings[0].message", containsString("200 links"));
            ok("{ readingList(slug: \"one-line\") { entries { position paper { title } } } }")
                    .body("data.readingList.entries", hasSize(200))
                    .body("data.readingList.entries[199].paper.title", equalTo("One-liner paper 199"));
        } finally {
            deleteImported("one-line", "https://one.example.org/");
        }
    }

    /**
     * Removes a test's list and papers in one go (as a bulk write: one index rebuild, not a change per paper), once
     * no import runs (one that the test stopped waiting for included).
     */
    private void deleteImported(String listSlug, String urlPrefix) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL statement_timeout = '10min'");
            s.execute("SET LOCAL readnext.bulk = 'on'");
            s.execute(Importer.LOCK_IMPORTS);
            s.execute("DELETE FROM reading_list WHERE slug = '" + listSlug + "'");
            s.execute("DELETE FROM paper WHERE url LIKE '" + urlPrefix + "%'");
            s.execute("DELETE FROM topic WHERE slug LIKE '" + listSlug + "-part-%'");
            s.execute(IndexRebuild.MARKER);
            s.execute(IndexRebuild.NOTIFY);
            c.commit();
        }
    }

    @Test
    void importWithoutTokenIsUnauthenticated() throws SQLException {
        var before = DatabaseState.counts(db);
        as(null, IMPORT, Map.of("name", "Anonymous", "content", LIST))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        assertEquals(before, DatabaseState.counts(db));
    }
}
