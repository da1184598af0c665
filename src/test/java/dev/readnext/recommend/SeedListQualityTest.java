package dev.readnext.recommend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.readnext.recommend.StructureSignals.Group;
import dev.readnext.recommend.StructureSignals.GroupKind;
import dev.readnext.recommend.StructureSignals.Structure;
import dev.readnext.recommend.embedding.MiniLmEmbedder;
import dev.readnext.recommend.embedding.PaperEmbeddingText;
import dev.readnext.recommend.engine.Int8Vector;
import dev.readnext.recommend.engine.SemanticIndex;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * "What next" on the seed lists, with one list's structure hidden: for every paper in a section (or course session)
 * of three or more papers of list L, the other papers of that section are the relevant answers, and the blend may
 * use only what does not come from L: text, the other lists' sections, and (unless L is the course) the course.
 * Topics are hidden too, because the importer makes them from the lists' sections. Precision at 5, against
 * text alone on the same queries, with TF-IDF and with the hybrid of TF-IDF and sentence embeddings (the seed papers
 * embedded here by the service's model); the figures are in the README.
 */
@QuarkusTest
class SeedListQualityTest {

    private static final Logger LOG = Logger.getLogger(SeedListQualityTest.class);
    private static final int K = 5;
    /** The service's default {@code readnext.similarity.semantic-weight}. */
    private static final double SEMANTIC_WEIGHT = 0.5;
    private static final List<String> SEED_LISTS = List.of("llm-901", "llm-training", "read-list-dump",
            "llms-reading-list");

    @Inject
    EntityManager em;

    @Inject
    StructureSignals signals;

    @Inject
    RecommendationIndex index;

    @Inject
    PaperTexts texts;

    private SemanticIndex embedded;

    /** Every seed paper embedded as the service embeds it (outside the test's transaction: a cursor of its own). */
    @BeforeEach
    void embedSeedPapers() throws SQLException {
        MiniLmEmbedder model = new MiniLmEmbedder();
        embedded = new SemanticIndex(model.dimensions(), 512);
        texts.withAll(documents -> {
            documents.forEach(d -> embedded.put(d.id(), Int8Vector.quantize(
                    model.embed(PaperEmbeddingText.of(d.title(), d.tldr(), d.abstractText())))));
            return null;
        });
    }

    @Test
    @TestTransaction
    void theBlendWithAListHiddenFindsThatListsSectionsAsWellAsTextAlone() {
        Blend tfidf = new Blend(index.require());
        Blend hybrid = new Blend(index.require(), embedded, SEMANTIC_WEIGHT);
        Map<String, double[]> precision = new LinkedHashMap<>(); // list → {text, blend, hybrid text, hybrid blend, queries}
        for (String slug : SEED_LISTS) {
            Map<Long, Set<Long>> relevant = sectionMates(slug);
            String hiddenList = "list " + listId(slug);
            boolean isCourse = courseId(slug) != null;
            String hiddenCourse = isCourse ? "course " + courseId(slug) : null;
            double[] sums = new double[4];
            for (Map.Entry<Long, Set<Long>> query : relevant.entrySet()) {
                Structure full = signals.of(List.of(query.getKey())).get(query.getKey());
                Structure textOnly = new Structure(Map.of(), Map.of(), full.duplicates(), List.of(), Map.of(), null,
                        List.of());
                List<Group> kept = full.groups().stream()
                        .filter(g -> g.kind() == GroupKind.SECTION && !g.source().equals(hiddenList)
                                && !g.source().equals(hiddenCourse))
                        .toList();
                Map<String, Set<Long>> members = new HashMap<>(full.members());
                members.keySet().retainAll(kept.stream().map(Group::key).toList());
                Structure hidden = new Structure(isCourse ? Map.of() : full.courseNext(),
                        isCourse ? Map.of() : full.pathNext(), full.duplicates(), kept, members, full.year(),
                        full.names());
                sums[0] += precision(tfidf, query.getKey(), textOnly, query.getValue());
                sums[1] += precision(tfidf, query.getKey(), hidden, query.getValue());
                sums[2] += precision(hybrid, query.getKey(), textOnly, query.getValue());
                sums[3] += precision(hybrid, query.getKey(), hidden, query.getValue());
            }
            int n = relevant.size();
            precision.put(slug, new double[] { sums[0] / n, sums[1] / n, sums[2] / n, sums[3] / n, n });
        }
        StringBuilder table = new StringBuilder("\n| list hidden | queries | TF-IDF alone | blend | hybrid text alone"
                + " | hybrid blend |\n|---|---|---|---|---|---|\n");
        double[] all = new double[4];
        int queries = 0;
        for (Map.Entry<String, double[]> row : precision.entrySet()) {
            double[] p = row.getValue();
            table.append(String.format("| %s | %d | %.3f | %.3f | %.3f | %.3f |%n", row.getKey(), (int) p[4], p[0], p[1],
                    p[2], p[3]));
            for (int i = 0; i < all.length; i++) {
                all[i] += p[i] * p[4];
            }
            queries += (int) p[4];
        }
        table.append(String.format("| all | %d | %.3f | %.3f | %.3f | %.3f |%n", queries, all[0] / queries,
                all[1] / queries, all[2] / queries, all[3] / queries));
        LOG.info(table);
        assertTrue(queries >= 100, "too few queries: " + queries);
        // other lists' sections say little about list L's (they group differently), so the blend is expected to be
        // about level with text here, not ahead: what it must not do is trade on-subject text matches for structure
        assertTrue(all[1] >= all[0] - 0.01 * queries, "the blend loses to text alone:" + table);
        assertTrue(all[3] >= all[2] - 0.01 * queries, "the hybrid blend loses to hybrid text alone:" + table);
        // most seed papers have a title only: what TF-IDF cannot see in two words, the embedding must not make worse
        assertTrue(all[3] >= all[1] - 0.01 * queries, "the hybrid loses to TF-IDF:" + table);
    }


    private double precision(Blend blend, long paper, Structure structure, Set<Long> relevant) {
        Blend.Candidates candidates = blend.candidates(paper, structure, Set.of(), K);
        Set<Group> groups = new HashSet<>(structure.groups());
        List<ScoredPaper> ranked = blend.rank(candidates, signals.facts(candidates.ids(), groups), K);
        return ranked.stream().filter(r -> relevant.contains(r.paperId())).count() / (double) K;
    }

    /** Paper → the other papers of its section in the list, for sections of three papers or more. */
    @SuppressWarnings("unchecked")
    private Map<Long, Set<Long>> sectionMates(String slug) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT e.section, e.paper_id FROM reading_list_entry e JOIN reading_list l ON l.id = e.list_id
                WHERE l.slug = :slug AND e.section <> '' ORDER BY e.position""").setParameter("slug", slug)
                .getResultList();
        Map<String, List<Long>> sections = new LinkedHashMap<>();
        rows.forEach(r -> sections.computeIfAbsent(r[0].toString(), k -> new ArrayList<>()).add(((Number) r[1]).longValue()));
        Map<Long, Set<Long>> mates = new LinkedHashMap<>();
        sections.values().stream().filter(s -> s.size() >= 3).forEach(section -> section.forEach(paper -> {
            Set<Long> others = new HashSet<>(section);
            others.remove(paper);
            mates.put(paper, others);
        }));
        return mates;
    }

    private long listId(String slug) {
        return ((Number) em.createNativeQuery("SELECT id FROM reading_list WHERE slug = :slug")
                .setParameter("slug", slug).getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private Long courseId(String slug) {
        List<Number> ids = em.createNativeQuery("SELECT id FROM course WHERE slug = :slug").setParameter("slug", slug)
                .getResultList();
        return ids.isEmpty() ? null : ids.get(0).longValue();
    }
}
