package dev.readnext.recommend;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;

import dev.readnext.recommend.StructureSignals.Group;
import dev.readnext.recommend.StructureSignals.GroupKind;
import dev.readnext.recommend.StructureSignals.Structure;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * "What next" on the seed lists, with one list's structure hidden: for every paper in a section (or course session)
 * of three or more papers of list L, the other papers of that section are the relevant answers, and the blend may
 * use only what does not come from L: text, the other lists' sections, and (unless L is the course) the course.
 * Topics are hidden too, because the importer makes them from the lists' sections. Precision at 5, against
 * TF-IDF alone on the same queries; the figures are in the README.
 */
@QuarkusTest
class SeedListQualityTest {

    private static final Logger LOG = Logger.getLogger(SeedListQualityTest.class);
    private static final int K = 5;
    private static final List<String> SEED_LISTS = List.of("llm-901", "llm-training", "read-list-dump",
            "llms-reading-list");

    @Inject
    EntityManager em;

    @Inject
    StructureSignals signals;

    @Inject
    RecommendationIndex index;

    @Test
    @TestTransaction
    void theBlendWithAListHiddenFindsThatListsSectionsAsWellAsTextAlone() {
        Blend blend = new Blend(index.require());
        Map<String, double[]> precision = new LinkedHashMap<>(); // list → {text, blend, queries}
        for (String slug : SEED_LISTS) {
            Map<Long, Set<Long>> relevant = sectionMates(slug);
            String hiddenList = "list " + listId(slug);
            boolean isCourse = courseId(slug) != null;
            String hiddenCourse = isCourse ? "course " + courseId(slug) : null;
            double text = 0;
            double blended = 0;
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
                text += precision(blend, query.getKey(), textOnly, query.getValue());
                blended += precision(blend, query.getKey(), hidden, query.getValue());
            }
            int n = relevant.size();
            precision.put(slug, new double[] { text / n, blended / n, n });
        }
        StringBuilder table = new StringBuilder("\n| list hidden | queries | TF-IDF alone P@5 | blend P@5 |\n|---|---|---|---|\n");
        double textAll = 0;
        double blendAll = 0;
        int queries = 0;
        for (Map.Entry<String, double[]> row : precision.entrySet()) {
            double[] p = row.getValue();
            table.append(String.format("| %s | %d | %.3f | %.3f |%n", row.getKey(), (int) p[2], p[0], p[1]));
            textAll += p[0] * p[2];
            blendAll += p[1] * p[2];
            queries += (int) p[2];
        }
        table.append(String.format("| all | %d | %.3f | %.3f |%n", queries, textAll / queries, blendAll / queries));
        LOG.info(table);
        assertTrue(queries >= 100, "too few queries: " + queries);
        // other lists' sections say little about list L's (they group differently), so the blend is expected to be
        // about level with text here, not ahead: what it must not do is trade on-subject text matches for structure
        assertTrue(blendAll / queries >= textAll / queries - 0.01, "the blend loses to text alone:" + table);
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
