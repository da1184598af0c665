package dev.readnext.recommend;

import static dev.readnext.graphql.GraphQL.as;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.readnext.DatabaseState;
import dev.readnext.recommend.IndexWeightings.Weighting;
import dev.readnext.recommend.engine.TfIdfIndex;
import dev.readnext.security.Tokens;

/**
 * The index is weighed with the published statistics, drift publishes new ones that the index takes from the change
 * log, and an index built afresh from the database with the published statistics (a replica that restarts) scores
 * every paper exactly as the long-running one does after any writes.
 */
@QuarkusTest
class IndexWeightingTest {

    private static final String CREATE = "mutation C($t: String!, $d: String) { paperCreate(input: { title: $t,"
            + " tldr: $d }) { paper { id databaseId version } } }";
    private static final String UPDATE = "mutation U($id: ID!, $v: Int!, $d: String) { paperUpdate(input: { id: $id,"
            + " version: $v, tldr: $d }) { paper { version } } }";
    private static final String DELETE = "mutation D($id: ID!) { paperDelete(input: { id: $id }) { deletedPaperId } }";
    private static final String[] WORDS = { "rotary", "position", "attention", "sparse", "mixture", "experts",
            "kernel", "cache", "decoding", "speculative", "quantization", "context", "window", "retrieval" };

    @Inject
    RecommendationIndex index;

    @Inject
    IndexWeightings weightings;

    @Inject
    PaperTexts texts;

    @Inject
    javax.sql.DataSource db;

    @Test
    void theIndexIsWeighedWithTheNewestPublishedStatistics() throws Exception {
        awaitInStep();
        Weighting latest = weightings.latest().orElseThrow();
        assertEquals(latest.statistics(), index.require().weighting().orElseThrow());
        assertTrue(latest.statistics().termCount() > 100, latest.statistics()::toString);
    }

    @Test
    void driftPublishesNewStatisticsAndTheIndexTakesThemFromTheLog() throws Exception {
        awaitInStep();
        long before = weightings.latest().orElseThrow().id();
        int changes = (int) Math.ceil(RecommendationIndex.DRIFT * index.require().stats().documents()) + 2;
        Random random = new Random(7);
        for (int i = 0; i < changes; i++) {
            create(random);
        }
        await(() -> latestId() > before);
        awaitInStep();
    }

    @Test
    void aPublicationThatIsNotBasedOnTheNewestGivesWayAndOnlyTheNewestAreKept() throws Exception {
        awaitInStep();
        long newest = latestId();
        var statistics = index.require().statistics();
        assertTrue(weightings.publish(newest - 1, statistics).isEmpty(), "a newer weighting exists: gives way");
        for (int i = 0; i < IndexWeightings.KEPT + 1; i++) {
            newest = weightings.publish(newest, statistics).orElseThrow();
        }
        assertEquals(IndexWeightings.KEPT, DatabaseState.count(db, "SELECT count(*) FROM index_weighting"));
        assertEquals(IndexWeightings.KEPT, DatabaseState.count(db, "SELECT count(*) FROM paper_change"
                + " WHERE weighting IS NOT NULL"));
        long last = newest;
        await(() -> latestId() == last);
        awaitInStep();
    }

    @Test
    void aReplicaBuiltAfreshScoresEveryPaperAsTheLongRunningOneAfterWrites() throws Exception {
        awaitInStep();
        Random random = new Random(42);
        List<Object[]> created = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            created.add(create(random));
        }
        for (int i = 0; i < 4; i++) {
            Object[] paper = created.get(i);
            ok(UPDATE, Map.of("id", paper[0], "v", paper[1], "d", text(random, 12)));
        }
        for (int i = 4; i < 7; i++) {
            ok(DELETE, Map.of("id", created.get(i)[0]));
        }
        awaitInStep();

        // with the statistics the running index is weighed with (a drift may publish newer ones meanwhile)
        TfIdfIndex running = index.require();
        var shared = running.weighting().orElseThrow();
        TfIdfIndex restarted = texts.withAll(documents -> TfIdfIndex.build(documents, RecommendationIndex.SETTINGS,
                shared));
        assertEquals(running.stats().documents(), restarted.stats().documents());
        List<Long> ids = new ArrayList<>();
        texts.withAll(documents -> {
            documents.forEach(document -> ids.add(document.id()));
            return null;
        });
        int compared = 0;
        for (long id : ids) {
            assertEquals(running.related(id, 10, other -> false), restarted.related(id, 10, other -> false),
                    "related papers of " + id);
            compared += running.related(id, 10, other -> false).isEmpty() ? 0 : 1;
        }
        assertTrue(compared > 100, compared + " papers with related papers compared");
        String query = "speculative decoding with a draft model";
        assertEquals(running.topK(running.queryFor(query), 20, id -> false),
                restarted.topK(restarted.queryFor(query), 20, id -> false));
    }

    /** Creates a paper with random words; its global id and version. */
    private static Object[] create(Random random) {
        var paper = ok(CREATE, Map.of("t", "Weighting test " + text(random, 5) + " " + random.nextInt(1_000_000),
                "d", text(random, 15))).extract();
        return new Object[] { paper.path("data.paperCreate.paper.id"),
                paper.<Integer>path("data.paperCreate.paper.version") };
    }

    private static String text(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    private static io.restassured.response.ValidatableResponse ok(String mutation, Map<String, Object> variables) {
        return as(Tokens.editor(), mutation, variables).statusCode(200).body("errors", nullValue());
    }

    /** Until the index is built and weighed with the newest published weighting. */
    private void awaitInStep() throws InterruptedException {
        await(() -> {
            try {
                Optional<Weighting> latest = weightings.latest();
                return index.isReady() && index.weightingSettled() && latest.isPresent()
                        && latest.get().statistics().equals(index.require().weighting().orElse(null));
            } catch (SQLException e) {
                return false;
            }
        });
    }

    private long latestId() {
        try {
            return weightings.latest().map(Weighting::id).orElse(0L);
        } catch (SQLException e) {
            return 0;
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "timed out waiting");
            Thread.sleep(50);
        }
    }
}
