package dev.readnext.recommend.embedding;

import static dev.readnext.recommend.embedding.EmbeddingHealth.await;
import static io.restassured.RestAssured.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.readnext.DatabaseState;
import io.quarkus.test.junit.QuarkusTest;

/** With semantic similarity off (the test profile's default) no model is loaded and nothing is embedded. */
@QuarkusTest
class SemanticDisabledTest {

    @Inject
    DataSource db;

    @Inject
    PaperEmbeddings embeddings;

    @Test
    void noWorkerRunsNoModelIsLoadedAndNothingIsEmbedded() throws Exception {
        assertTrue(await(Duration.ofMinutes(1), () -> "UP".equals(get("/q/health/ready").then().extract().path("status"))),
                "ready");
        assertEquals(Map.of("enabled", false), EmbeddingHealth.detail());
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("readnext-embedding-worker")), "no embedding worker thread");
        assertEquals(Optional.empty(), embeddings.embed("Rotary position embedding"), "no model loaded");
        assertEquals(Optional.empty(), embeddings.index());
        assertEquals(0, DatabaseState.count(db, "SELECT count(*) FROM paper_embedding"));
    }
}
