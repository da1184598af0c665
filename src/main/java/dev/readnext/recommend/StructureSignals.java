package dev.readnext.recommend;

import java.util.ArrayList;
import java.util.Collection;
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
 * What the knowledge base's structure says comes after a paper, for many papers in two queries (these run on every
 * recommendation request): the next readings of the courses that have it, the next steps of the learning paths that
 * have it and its duplicates in one, then the topics it shares with the candidates found. Shared topics are asked
 * for the candidates only: with arXiv categories as topics, a paper shares one with tens of thousands of others.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StructureSignals {

    /** How many following course readings, and path steps, count as "next". */
    static final int COURSE_HORIZON = 6;
    static final int PATH_HORIZON = 3;

    /**
     * @param courseNext following course readings → closeness (1 for the very next one, falling with distance)
     * @param pathNext   following path steps → closeness
     * @param duplicates other rows for the same resource (same normalised title or arXiv id)
     */
    public record Structure(Map<Long, Double> courseNext, Map<Long, Double> pathNext, Set<Long> duplicates) {
    }

    /** A paper and a candidate to read after it. */
    public record Pair(long paper, long candidate) {
    }

    @Inject
    EntityManager em;

    public Map<Long, Structure> of(List<Long> paperIds) {
        // rows: kind (C course, P path: sequence id, paper, place in the sequence; D: paper, duplicate, 0)
        List<Object[]> rows = em.createNativeQuery("""
                WITH wanted AS (SELECT unnest(CAST(:ids AS bigint[])) AS id)
                SELECT 'C', s.course_id, r.paper_id, row_number() OVER (PARTITION BY s.course_id ORDER BY s.position, r.position)
                FROM session_reading r JOIN course_session s ON s.id = r.session_id
                WHERE s.course_id IN (SELECT s2.course_id FROM session_reading r2 JOIN course_session s2 ON s2.id = r2.session_id
                                      WHERE r2.paper_id IN (SELECT id FROM wanted))
                UNION ALL
                SELECT 'P', st.path_id, st.paper_id, row_number() OVER (PARTITION BY st.path_id ORDER BY st.position)
                FROM learning_path_step st
                WHERE st.path_id IN (SELECT path_id FROM learning_path_step WHERE paper_id IN (SELECT id FROM wanted))
                UNION ALL
                SELECT 'D', a.id, b.id, 0 FROM paper a JOIN paper b ON b.title_key = a.title_key AND b.id <> a.id
                WHERE a.id IN (SELECT id FROM wanted)
                UNION ALL
                SELECT 'D', a.id, b.id, 0 FROM paper a JOIN paper b ON b.arxiv_id = a.arxiv_id AND b.id <> a.id
                WHERE a.id IN (SELECT id FROM wanted)
                ORDER BY 1, 2, 4""").setParameter("ids", paperIds.toArray(Long[]::new)).getResultList();
        Map<Long, List<Long>> courses = new LinkedHashMap<>();
        Map<Long, List<Long>> paths = new LinkedHashMap<>();
        Map<Long, Set<Long>> duplicates = new HashMap<>();
        for (Object[] row : rows) {
            long a = ((Number) row[1]).longValue();
            long b = ((Number) row[2]).longValue();
            switch (row[0].toString()) {
                case "C" -> courses.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
                case "P" -> paths.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
                default -> duplicates.computeIfAbsent(a, k -> new HashSet<>()).add(b);
            }
        }
        Map<Long, Map<Long, Double>> course = following(paperIds, courses.values(), COURSE_HORIZON);
        Map<Long, Map<Long, Double>> path = following(paperIds, paths.values(), PATH_HORIZON);
        Map<Long, Structure> structures = new HashMap<>();
        for (long id : paperIds) {
            structures.put(id, new Structure(course.getOrDefault(id, Map.of()), path.getOrDefault(id, Map.of()),
                    duplicates.getOrDefault(id, Set.of())));
        }
        return structures;
    }

    /**
     * For each pair: the fraction of the paper's topics the candidate shares, as paper → candidate → fraction (pairs
     * sharing none are absent).
     */
    public Map<Long, Map<Long, Double>> sharedTopics(Collection<Pair> pairs) {
        if (pairs.isEmpty()) {
            return Map.of();
        }
        // correlated counts, so that each pair is a few primary-key look-ups (a join let the planner hash all of
        // paper_topic: 150 ms instead of 1 ms with 75k papers in arXiv categories)
        List<Object[]> rows = em.createNativeQuery("""
                SELECT paper, candidate, shared::float8 / total FROM (
                    SELECT pair.paper, pair.candidate,
                           (SELECT count(*) FROM paper_topic mine JOIN paper_topic other
                                ON other.paper_id = pair.candidate AND other.topic_id = mine.topic_id
                            WHERE mine.paper_id = pair.paper) AS shared,
                           (SELECT count(*) FROM paper_topic t WHERE t.paper_id = pair.paper) AS total
                    FROM unnest(CAST(:papers AS bigint[]), CAST(:candidates AS bigint[])) AS pair(paper, candidate)
                ) counts
                WHERE shared > 0""")
                .setParameter("papers", pairs.stream().map(Pair::paper).toArray(Long[]::new))
                .setParameter("candidates", pairs.stream().map(Pair::candidate).toArray(Long[]::new))
                .getResultList();
        Map<Long, Map<Long, Double>> shared = new HashMap<>();
        rows.forEach(r -> shared.computeIfAbsent(((Number) r[0]).longValue(), k -> new HashMap<>())
                .put(((Number) r[1]).longValue(), ((Number) r[2]).doubleValue()));
        return shared;
    }

    /** Papers marked read in any reading list. */
    @SuppressWarnings("unchecked")
    public Set<Long> readPapers() {
        return new HashSet<>(((List<Number>) em.createNativeQuery(
                "SELECT DISTINCT paper_id FROM reading_list_entry WHERE read").getResultList())
                .stream().map(Number::longValue).toList());
    }

    /**
     * For sequences (papers in order) holding the given papers: the papers up to {@code horizon} places after each
     * of them, closeness 1 for the next one falling linearly to 1/horizon.
     */
    private static Map<Long, Map<Long, Double>> following(List<Long> paperIds, Collection<List<Long>> sequences,
            int horizon) {
        Set<Long> wanted = new HashSet<>(paperIds);
        Map<Long, Map<Long, Double>> next = new HashMap<>();
        for (List<Long> sequence : sequences) {
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
}
