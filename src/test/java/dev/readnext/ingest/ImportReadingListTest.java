package dev.readnext.ingest;

import static dev.readnext.graphql.GraphQL.as;
import static dev.readnext.graphql.GraphQL.ok;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.readnext.DatabaseState;
import dev.readnext.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;

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
    void importWithoutTokenIsUnauthenticated() throws SQLException {
        var before = DatabaseState.counts(db);
        as(null, IMPORT, Map.of("name", "Anonymous", "content", LIST))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        assertEquals(before, DatabaseState.counts(db));
    }
}
