package dev.readnext.recommend.embedding;

import static dev.readnext.graphql.GraphQL.as;
import static dev.readnext.recommend.embedding.EmbeddingHealth.await;
import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.readnext.DatabaseState;
import dev.readnext.api.Ids;
import dev.readnext.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** With semantic similarity on, papers are embedded in the background, and again whenever their text changes. */
@QuarkusTest
@TestProfile(SemanticEnabled.class)
class BackgroundEmbeddingTest {

    private static final Duration ALL_EMBEDDED = Duration.ofMinutes(2);
    private static final Duration ONE_EMBEDDED = Duration.ofSeconds(30);
    private static final String CREATE = "mutation C($t: String!) { createPaper(input: { title: $t }) { id } }";

    @Inject
    DataSource db;

    @Inject
    PaperEmbeddings embeddings;

    /** Row of one paper's embedding: its seq and vector. */
    record Row(long seq, byte[] vector) {
    }

    @BeforeEach
    void seedEmbedded() throws InterruptedException {
        Instant started = Instant.now();
        assertTrue(await(ALL_EMBEDDED, EmbeddingHealth::nothingPending),
                "papers still pending after " + ALL_EMBEDDED + ": " + EmbeddingHealth.detail());
        System.out.printf("BackgroundEmbeddingTest: nothing pending after %d ms%n",
                Duration.between(started, Instant.now()).toMillis());
    }

    @Test
    void everySeedPaperIsEmbeddedWithTheModelTagAndInTheIndex() throws SQLException {
        long papers = DatabaseState.count(db, "SELECT count(*) FROM paper");
        assertTrue(papers > 100, "the seed was imported");
        assertEquals(papers, DatabaseState.count(db,
                "SELECT count(*) FROM paper_embedding WHERE model = '" + MiniLmEmbedder.MODEL + "'"));
        Map<String, Object> detail = EmbeddingHealth.detail();
        assertEquals(MiniLmEmbedder.MODEL, detail.get("model"));
        assertEquals(true, detail.get("modelLoaded"));
        assertEquals(papers, ((Number) detail.get("embedded")).longValue());
    }

    @Test
    void editingATitleDeletesTheEmbeddingAndTheWorkerEmbedsTheNewText() throws Exception {
        String id = as(Tokens.editor(), CREATE, Map.of("t", "Rotary position embeddings for long contexts"))
                .body("errors", nullValue()).extract().path("data.createPaper.id");
        long paperId = Ids.decode("id", id).key(); // the global id's database key
        assertTrue(await(ONE_EMBEDDED, () -> row(paperId).isPresent()), "the new paper was embedded");
        Row before = row(paperId).orElseThrow();

        as(Tokens.editor(), """
                mutation U($id: ID!) { updatePaper(id: $id, version: 0, input: { title: "Protein folding with \
                equivariant graph networks" }) { version } }""", Map.of("id", id))
                .body("errors", nullValue());

        assertTrue(await(ONE_EMBEDDED, () -> row(paperId).filter(r -> r.seq() > before.seq()).isPresent()),
                "embedded again after the edit");
        Row after = row(paperId).orElseThrow();
        assertFalse(Arrays.equals(before.vector(), after.vector()), "the new text has another embedding");
        assertTrue(await(ONE_EMBEDDED, () -> embeddings.index().orElseThrow().vectorOf(paperId)
                .filter(v -> Arrays.equals(v.values(), after.vector())).isPresent()),
                "this replica's index holds the new embedding");
    }

    @Test
    void aTextChangeOrANewAliasDeletesTheEmbeddingInItsOwnTransactionAndAnUnchangedTextKeepsIt() throws SQLException {
        long paperId = DatabaseState.count(db, "SELECT min(paper_id) FROM paper_embedding");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("UPDATE paper SET title = title, tldr = tldr WHERE id = " + paperId);
            assertEquals(1, embeddingRows(s, paperId), "same text: the embedding stays");
            s.executeUpdate("INSERT INTO paper_alias (paper_id, alias, alias_key, source)"
                    + " VALUES (" + paperId + ", 'a name never used', 'a name never used', 'EDITOR')");
            assertEquals(0, embeddingRows(s, paperId), "a new alias deletes it");
            c.rollback();
            s.executeUpdate("UPDATE paper SET abstract = coalesce(abstract, '') || ' More.' WHERE id = " + paperId);
            assertEquals(0, embeddingRows(s, paperId), "a new abstract deletes it");
            c.rollback();
        }
    }

    @Test
    void deletingAPaperRemovesItsEmbeddingRowAndItsVector() throws Exception {
        String id = as(Tokens.editor(), CREATE, Map.of("t", "Speculative decoding with a small draft model"))
                .body("errors", nullValue()).extract().path("data.createPaper.id");
        long paperId = Ids.decode("id", id).key(); // the global id's database key
        assertTrue(await(ONE_EMBEDDED, () -> row(paperId).isPresent()
                && embeddings.index().orElseThrow().contains(paperId)), "embedded and indexed");

        as(Tokens.editor(), "mutation D($id: ID!) { deletePaper(id: $id) }", Map.of("id", id))
                .body("data.deletePaper", equalTo(true));

        assertEquals(Optional.empty(), row(paperId));
        assertTrue(await(Duration.ofSeconds(5), () -> !embeddings.index().orElseThrow().contains(paperId)),
                "the vector left the index");
    }

    @Test
    void progressIsExportedAsMetrics() {
        get("/q/metrics").then().statusCode(200)
                .body(containsString("readnext_embeddings_pending 0.0"))
                .body(containsString("readnext_embeddings_indexed"))
                .body(containsString("readnext_embeddings_computed_total"))
                .body(containsString("readnext_embeddings_embed_seconds_count"));
    }

    private Optional<Row> row(long paperId) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT seq, vector FROM paper_embedding WHERE paper_id = ?")) {
            s.setLong(1, paperId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Row(rs.getLong(1), rs.getBytes(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long embeddingRows(Statement s, long paperId) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM paper_embedding WHERE paper_id = " + paperId)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
