package dev.readnext.recommend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * What the knowledge base's structure says comes after a paper, for many papers in a handful of queries: the next
 * readings of the courses that have it, the next steps of the learning paths that have it, the papers sharing its
 * topics; plus what to leave out (its duplicates, papers marked read).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StructureSignals {

    /** How many following course readings, and path steps, count as "next". */
    static final int COURSE_HORIZON = 6;
    static final int PATH_HORIZON = 3;

    /**
     * @param courseNext   following course readings → closeness (1 for the very next one, falling with distance)
     * @param pathNext     following path steps → closeness
     * @param sharedTopics papers sharing topics → fraction of this paper's topics they share
     * @param duplicates   other rows for the same resource (same normalised title or arXiv id)
     */
    public record Structure(Map<Long, Double> courseNext, Map<Long, Double> pathNext, Map<Long, Double> sharedTopics,
            Set<Long> duplicates) {
    }

    @Inject
    EntityManager em;

    public Map<Long, Structure> of(List<Long> paperIds) {
        Map<Long, Map<Long, Double>> course = following(paperIds, """
                SELECT s.course_id, r.paper_id FROM session_reading r JOIN course_session s ON s.id = r.session_id
                WHERE s.course_id IN (SELECT s2.course_id FROM session_reading r2
                                      JOIN course_session s2 ON s2.id = r2.session_id
                                      WHERE r2.paper_id = ANY(CAST(:ids AS bigint[])))
                ORDER BY s.course_id, s.position, r.position""", COURSE_HORIZON);
        Map<Long, Map<Long, Double>> path = following(paperIds, """
                SELECT st.path_id, st.paper_id FROM learning_path_step st
                WHERE st.path_id IN (SELECT path_id FROM learning_path_step WHERE paper_id = ANY(CAST(:ids AS bigint[])))
                ORDER BY st.path_id, st.position""", PATH_HORIZON);
        Map<Long, Map<Long, Double>> topics = sharedTopics(paperIds);
        Map<Long, Set<Long>> duplicates = duplicates(paperIds);
        Map<Long, Structure> structures = new HashMap<>();
        for (long id : paperIds) {
            structures.put(id, new Structure(course.getOrDefault(id, Map.of()), path.getOrDefault(id, Map.of()),
                    topics.getOrDefault(id, Map.of()), duplicates.getOrDefault(id, Set.of())));
        }
        return structures;
    }

    /** Papers marked read in any reading list. */
    @SuppressWarnings("unchecked")
    public Set<Long> readPapers() {
        return new HashSet<>(((List<Number>) em.createNativeQuery(
                "SELECT DISTINCT paper_id FROM reading_list_entry WHERE read").getResultList())
                .stream().map(Number::longValue).toList());
    }

    /**
     * For sequences (rows: sequence id, paper id, in order) holding the given papers: the papers up to
     * {@code horizon} places after each of them, closeness 1 for the next one falling linearly to 1/horizon.
     */
    private Map<Long, Map<Long, Double>> following(List<Long> paperIds, String orderedSequences, int horizon) {
        List<Object[]> rows = rows(orderedSequences, paperIds);
        Map<Long, List<Long>> sequences = new LinkedHashMap<>();
        rows.forEach(r -> sequences.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                .add(((Number) r[1]).longValue()));
        Set<Long> wanted = new HashSet<>(paperIds);
        Map<Long, Map<Long, Double>> next = new HashMap<>();
        for (List<Long> sequence : sequences.values()) {
            for (int i = 0; i < sequence.size(); i++) {
                long paper = sequence.get(i);
                if (!wanted.contains(paper)) {
                    continue;
                }
                for (int d = 1; d <= horizon && i + d < sequence.size(); d++) {
                    double closeness = 1.0 - (d - 1) / (double) horizon;
                    next.computeIfAbsent(paper, k -> new HashMap<>()).merge(sequence.get(i + d), closeness, Math::max);
                }
            }
        }
        next.forEach((paper, candidates) -> candidates.remove(paper));
        return next;
    }

    private Map<Long, Map<Long, Double>> sharedTopics(List<Long> paperIds) {
        List<Object[]> rows = rows("""
                SELECT mine.paper_id, other.paper_id, count(*)::float8 / (SELECT count(*) FROM paper_topic t
                                                                            WHERE t.paper_id = mine.paper_id)
                FROM paper_topic mine JOIN paper_topic other ON other.topic_id = mine.topic_id
                WHERE mine.paper_id = ANY(CAST(:ids AS bigint[])) AND other.paper_id <> mine.paper_id
                GROUP BY mine.paper_id, other.paper_id""", paperIds);
        Map<Long, Map<Long, Double>> shared = new HashMap<>();
        rows.forEach(r -> shared.computeIfAbsent(((Number) r[0]).longValue(), k -> new HashMap<>())
                .put(((Number) r[1]).longValue(), ((Number) r[2]).doubleValue()));
        return shared;
    }

    private Map<Long, Set<Long>> duplicates(List<Long> paperIds) {
        List<Object[]> rows = rows("""
                SELECT a.id, b.id FROM paper a JOIN paper b ON b.id <> a.id
                  AND (b.title_key = a.title_key OR b.arxiv_id = a.arxiv_id)
                WHERE a.id = ANY(CAST(:ids AS bigint[]))""", paperIds);
        Map<Long, Set<Long>> duplicates = new HashMap<>();
        rows.forEach(r -> duplicates.computeIfAbsent(((Number) r[0]).longValue(), k -> new HashSet<>())
                .add(((Number) r[1]).longValue()));
        return duplicates;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, List<Long> paperIds) {
        return em.createNativeQuery(sql).setParameter("ids", paperIds.toArray(Long[]::new)).getResultList();
    }
}
