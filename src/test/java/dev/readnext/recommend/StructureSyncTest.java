package dev.readnext.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.readnext.DatabaseState;
import dev.readnext.paper.Paper;
import dev.readnext.paper.TitleDictionary;
import dev.readnext.path.LearningPath;
import dev.readnext.path.LearningPathEditor;
import dev.readnext.recommend.StructureSignals.Group;
import dev.readnext.recommend.StructureSignals.Structure;
import dev.readnext.topic.Topic;
import dev.readnext.topic.TopicEditor;

/**
 * The structure in memory follows the database: writes committed by another replica (plain SQL here, which is all
 * this replica sees of them) arrive through the change log, and after any sequence of them what it says of every paper
 * equals a fresh read; this replica's own edits show in its very next request.
 */
@QuarkusTest
class StructureSyncTest {

    private static final Duration SETTLE = Duration.ofSeconds(20);

    @Inject
    StructureSignals structure;

    @Inject
    RecommendationIndex index;

    @Inject
    DataSource db;

    @Inject
    TopicEditor topics;

    @Inject
    LearningPathEditor paths;

    @Test
    void afterRandomWritesOfAnotherReplicaEveryPaperIsAsAFreshRead() throws Exception {
        awaitIndex();
        List<Long> ids = ids("SELECT id FROM paper ORDER BY id");
        Map<Long, String> years = new HashMap<>(); // the years changed, as they were
        Random random = new Random(20261202);
        try {
            sql("INSERT INTO topic (slug, name) VALUES ('structure-sync-a', 'Structure Sync Alpha'),"
                    + " ('structure-sync-b', 'Structure Sync Beta')");
            sql("INSERT INTO reading_list (slug, name, format, visibility) VALUES ('structure-sync', 'Sync', 'test', 'PUBLIC')");
            sql("INSERT INTO learning_path (slug, title) VALUES ('structure-sync', 'Structure sync path')");
            List<Long> ourTopics = ids("SELECT id FROM topic WHERE slug LIKE 'structure-sync-%' ORDER BY id");
            long list = ids("SELECT id FROM reading_list WHERE slug = 'structure-sync' AND owner_id IS NULL").get(0);
            long path = ids("SELECT id FROM learning_path WHERE slug = 'structure-sync'").get(0);
            for (int step = 0; step < 60; step++) {
                long paper = ids.get(random.nextInt(ids.size()));
                long topic = ourTopics.get(random.nextInt(ourTopics.size()));
                switch (random.nextInt(7)) {
                    case 0, 1 -> sql("INSERT INTO paper_topic (paper_id, topic_id) VALUES (" + paper + ", " + topic
                            + ") ON CONFLICT DO NOTHING");
                    case 2 -> sql("DELETE FROM paper_topic WHERE topic_id = " + topic + " AND paper_id = (SELECT"
                            + " min(paper_id) FROM paper_topic WHERE topic_id = " + topic + ")");
                    case 3 -> sql("INSERT INTO reading_list_entry (list_id, paper_id, position, section) SELECT " + list
                            + ", " + paper + ", coalesce(max(position), 0) + 1, '" + "ABC".charAt(random.nextInt(3))
                            + "' FROM reading_list_entry WHERE list_id = " + list + " ON CONFLICT (list_id, paper_id) DO NOTHING");
                    case 4 -> sql("UPDATE reading_list_entry SET section = '" + "ABC".charAt(random.nextInt(3))
                            + "' WHERE list_id = " + list + " AND position = (SELECT min(position) FROM"
                            + " reading_list_entry WHERE list_id = " + list + ")");
                    case 5 -> sql("INSERT INTO learning_path_step (path_id, paper_id, position) SELECT " + path + ", "
                            + paper + ", coalesce(max(position), 0) + 1 FROM learning_path_step WHERE path_id = " + path
                            + " ON CONFLICT (path_id, paper_id) DO NOTHING");
                    default -> {
                        if (!years.containsKey(paper)) {
                            years.put(paper, DatabaseState.strings(db, "SELECT coalesce(year::text, 'NULL') FROM paper"
                                    + " WHERE id = " + paper).get(0));
                        }
                        sql("UPDATE paper SET year = " + (2015 + random.nextInt(10)) + " WHERE id = " + paper);
                    }
                }
            }
            sql("UPDATE topic SET name = 'Structure Sync Gamma' WHERE slug = 'structure-sync-b'");
            awaitSameAsFreshRead(ids, "after the writes");
            assertEquals(1, structure.topicsNamedIn("structure sync gamma").size(), "a renamed topic is found by its name");
        } finally {
            sql("DELETE FROM topic WHERE slug LIKE 'structure-sync-%'");
            sql("DELETE FROM reading_list WHERE slug = 'structure-sync' AND owner_id IS NULL");
            sql("DELETE FROM learning_path WHERE slug = 'structure-sync'");
            for (Map.Entry<Long, String> year : years.entrySet()) {
                sql("UPDATE paper SET year = " + year.getValue() + " WHERE id = " + year.getKey());
            }
        }
        awaitSameAsFreshRead(ids, "after the clean-up");
    }

    @Test
    void thisReplicasOwnEditsShowInItsNextRequest() throws Exception {
        awaitIndex();
        long paperId = ids("SELECT id FROM paper ORDER BY id LIMIT 1").get(0);
        Structure before = structure.of(List.of(paperId)).get(paperId);
        long nextId = ids("SELECT id FROM paper ORDER BY id DESC").stream()
                .filter(id -> id != paperId && !before.pathNext().containsKey(id)).findFirst().orElseThrow();
        Topic topic = QuarkusTransaction.requiringNew().call(() -> topics.create("Own Edit Topic", null));
        try {
            QuarkusTransaction.requiringNew().run(() -> topics.tag(Paper.findById(paperId), Topic.findById(topic.id)));
            Structure tagged = structure.of(List.of(paperId)).get(paperId);
            assertTrue(tagged.groups().stream().anyMatch(g -> g.key().equals("T:" + topic.id)), "tagged: " + tagged);

            LearningPath path = QuarkusTransaction.requiringNew().call(() -> paths.create("Own edit path", null, null));
            QuarkusTransaction.requiringNew().run(() -> {
                LearningPath p = LearningPath.findById(path.id);
                paths.addStep(p, null, Paper.findById(paperId), null, null);
                paths.addStep(p, null, Paper.findById(nextId), null, null);
            });
            Structure ordered = structure.of(List.of(paperId)).get(paperId);
            assertTrue(ordered.pathNext().containsKey(nextId), "path next: " + ordered.pathNext());
            QuarkusTransaction.requiringNew().run(() -> paths.delete(LearningPath.findById(path.id)));
            assertTrue(!structure.of(List.of(paperId)).get(paperId).pathNext().containsKey(nextId), "path deleted");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> topics.delete(Topic.findById(topic.id)));
        }
        assertTrue(structure.of(List.of(paperId)).get(paperId).groups().stream()
                .noneMatch(g -> g.key().equals("T:" + topic.id)), "topic deleted");
    }

    /** Until the structure in memory says of every paper what a fresh read of the database says. */
    private void awaitSameAsFreshRead(List<Long> ids, String when) throws Exception {
        Instant deadline = Instant.now().plus(SETTLE);
        while (true) {
            StructureSignals fresh = new StructureSignals();
            fresh.db = db;
            fresh.dictionary = new TitleDictionary();
            fresh.load();
            Map<Long, Structure> expected = fresh.of(ids);
            Map<Long, Structure> actual = structure.of(ids);
            Set<Group> groups = new HashSet<>();
            expected.values().forEach(s -> groups.addAll(s.groups()));
            boolean same = expected.equals(actual) && fresh.facts(ids, groups).equals(structure.facts(ids, groups));
            if (same) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                List<Long> differ = new ArrayList<>();
                ids.stream().filter(id -> !expected.get(id).equals(actual.get(id))).forEach(differ::add);
                assertEquals(expected.get(differ.isEmpty() ? ids.get(0) : differ.get(0)),
                        actual.get(differ.isEmpty() ? ids.get(0) : differ.get(0)),
                        when + ": papers " + differ + " differ from a fresh read after " + SETTLE.toSeconds() + " s");
                assertTrue(false, when + ": facts differ from a fresh read");
            }
            Thread.sleep(100);
        }
    }

    private void awaitIndex() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!index.isReady()) {
            assertTrue(Instant.now().isBefore(deadline), "index not ready after 60 s");
            Thread.sleep(100);
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            s.execute();
        }
    }

    private List<Long> ids(String query) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(query);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
