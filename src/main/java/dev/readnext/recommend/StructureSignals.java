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

import dev.readnext.text.TextAnalyzer;

/**
 * What the knowledge base's structure says about papers, read from PostgreSQL on every recommendation request in a
 * few queries whatever the number of papers: the groups a curator put each paper in (reading-list sections, course
 * sessions, topics) with their sizes, the members of the small ones (candidates to recommend), the following course
 * readings and path steps, duplicates, year and names; then, for the candidates found, which of those groups they
 * share and their years. Groups are looked up for the candidates only: with arXiv categories as topics, a paper
 * shares one with tens of thousands of others.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StructureSignals {

    /** How many following course readings, and path steps, count as "next". */
    static final int COURSE_HORIZON = 6;
    static final int PATH_HORIZON = 3;
    /** Groups up to this size propose their members as candidates; larger ones only add to candidates' scores. */
    static final int CANDIDATE_GROUP_SIZE = 60;

    enum GroupKind { SECTION, TOPIC }

    /**
     * A set of papers a curator put together.
     *
     * @param key    unique: {@code T:<topic id>}, {@code L:<list id>:<section>} or {@code S:<session id>}
     * @param source who grouped them: a list or course (sections, sessions), or the topics
     * @param label  for people: "LLM 901: Positional Encodings and Long Context", "Mixture of Experts"
     */
    record Group(String key, GroupKind kind, String source, String label, int size) {
    }

    /** A following course reading or path step: closeness 1 for the very next one, falling with distance. */
    record Next(double closeness, String in) {
    }

    /**
     * @param courseNext following course readings, by paper
     * @param pathNext   following path steps, by paper
     * @param duplicates other rows for the same resource (same normalised title or arXiv id)
     * @param groups     the groups that hold the paper, most specific (smallest) first
     * @param members    members of the groups up to {@link #CANDIDATE_GROUP_SIZE}, by group key
     * @param year       publication year, if known
     * @param names      what people call the paper: curated aliases and the name before its title's colon
     */
    record Structure(Map<Long, Next> courseNext, Map<Long, Next> pathNext, Set<Long> duplicates, List<Group> groups,
                     Map<String, Set<Long>> members, Integer year, List<String> names) {

        static final Structure NONE = new Structure(Map.of(), Map.of(), Set.of(), List.of(), Map.of(), null, List.of());
    }

    /** What is known of a candidate: the keys of the groups it is in (among those asked about) and its year. */
    record Facts(Set<String> groups, Integer year) {

        static final Facts NONE = new Facts(Set.of(), null);
    }

    @Inject
    EntityManager em;

    private final TextAnalyzer analyzer = new TextAnalyzer();

    public Map<Long, Structure> of(List<Long> paperIds) {
        Long[] ids = paperIds.toArray(Long[]::new);
        Map<Long, Map<Long, Next>> course = new HashMap<>();
        Map<Long, Map<Long, Next>> path = new HashMap<>();
        following(ids, course, path);
        Map<Long, List<Group>> groups = new HashMap<>();
        Map<String, Set<Long>> members = new HashMap<>();
        groups(ids, groups, members);
        Map<Long, Set<Long>> duplicates = new HashMap<>();
        Map<Long, Integer> years = new HashMap<>();
        Map<Long, List<String>> names = new HashMap<>();
        identities(ids, duplicates, years, names);
        Map<Long, Structure> structures = new HashMap<>();
        for (long id : paperIds) {
            List<Group> own = withoutRepeats(groups.getOrDefault(id, List.of()), members);
            Map<String, Set<Long>> ownMembers = new HashMap<>();
            own.stream().filter(g -> members.containsKey(g.key())).forEach(g -> ownMembers.put(g.key(), members.get(g.key())));
            structures.put(id, new Structure(course.getOrDefault(id, Map.of()), path.getOrDefault(id, Map.of()),
                    duplicates.getOrDefault(id, Set.of()), own, ownMembers, years.get(id),
                    names.getOrDefault(id, List.of())));
        }
        return structures;
    }

    /** For each candidate: which of the given groups hold it, and its year. */
    @SuppressWarnings("unchecked")
    public Map<Long, Facts> facts(Collection<Long> candidates, Collection<Group> groups) {
        if (candidates.isEmpty()) {
            return Map.of();
        }
        Set<String> keys = new HashSet<>();
        groups.forEach(g -> keys.add(g.key()));
        List<Object[]> rows = em.createNativeQuery("""
                SELECT 'T:' || topic_id, paper_id FROM paper_topic WHERE paper_id = ANY(CAST(:candidates AS bigint[]))
                UNION ALL
                SELECT 'L:' || e.list_id || ':' || e.section, e.paper_id FROM reading_list_entry e
                JOIN reading_list l ON l.id = e.list_id AND l.owner_id IS NULL
                WHERE e.paper_id = ANY(CAST(:candidates AS bigint[])) AND e.section <> ''
                UNION ALL
                SELECT 'S:' || session_id, paper_id FROM session_reading WHERE paper_id = ANY(CAST(:candidates AS bigint[]))
                UNION ALL
                SELECT 'Y:' || year, id FROM paper WHERE id = ANY(CAST(:candidates AS bigint[])) AND year IS NOT NULL""")
                .setParameter("candidates", candidates.toArray(Long[]::new))
                .getResultList();
        Map<Long, Set<String>> held = new HashMap<>();
        Map<Long, Integer> years = new HashMap<>();
        for (Object[] row : rows) {
            String key = row[0].toString();
            long paper = ((Number) row[1]).longValue();
            if (key.startsWith("Y:")) {
                years.put(paper, Integer.valueOf(key.substring(2)));
            } else if (keys.contains(key)) {
                held.computeIfAbsent(paper, k -> new HashSet<>()).add(key);
            }
        }
        Map<Long, Facts> facts = new HashMap<>();
        for (long candidate : candidates) {
            facts.put(candidate, new Facts(held.getOrDefault(candidate, Set.of()), years.get(candidate)));
        }
        return facts;
    }

    /**
     * The topics the text names: their whole name is in the text and makes up at least half of it ("optimizers for
     * pretraining" names "Optimization" and "Pretraining"; "KV cache compression" does not name "Compression"),
     * compared as analysed terms; with their sizes.
     */
    @SuppressWarnings("unchecked")
    public List<Group> topicsNamedIn(String text) {
        Set<String> words = terms(text);
        List<Object[]> rows = em.createNativeQuery("""
                SELECT t.id, t.name, t.paper_count FROM topic t
                ORDER BY t.id""").getResultList();
        List<Group> named = new ArrayList<>();
        for (Object[] row : rows) {
            Set<String> name = terms(row[1].toString());
            if (!name.isEmpty() && words.containsAll(name) && 2 * name.size() >= words.size()) {
                named.add(new Group("T:" + row[0], GroupKind.TOPIC, "topics", row[1].toString(),
                        ((Number) row[2]).intValue()));
            }
        }
        return named;
    }

    /** Members of the given groups up to {@link #CANDIDATE_GROUP_SIZE} papers, by group key. */
    public Map<String, Set<Long>> membersOfSmall(Collection<Group> groups) {
        Set<String> small = new HashSet<>();
        groups.stream().filter(g -> g.size() <= CANDIDATE_GROUP_SIZE).forEach(g -> small.add(g.key()));
        Map<String, Set<Long>> members = new HashMap<>();
        if (!small.isEmpty()) {
            membersOf(small, members);
        }
        return members;
    }

    private Set<String> terms(String text) {
        Set<String> terms = new HashSet<>();
        analyzer.analyze(text).forEach(token -> terms.add(token.term()));
        return terms;
    }

    /** The course readings and path steps after each paper, in the courses and paths that have it. */
    @SuppressWarnings("unchecked")
    private void following(Long[] ids, Map<Long, Map<Long, Next>> course, Map<Long, Map<Long, Next>> path) {
        // rows: kind (C course, P path), sequence title, paper, place in the sequence
        List<Object[]> rows = em.createNativeQuery("""
                SELECT 'C', c.title, r.paper_id, row_number() OVER (PARTITION BY s.course_id ORDER BY s.position, r.position)
                FROM session_reading r JOIN course_session s ON s.id = r.session_id JOIN course c ON c.id = s.course_id
                WHERE s.course_id IN (SELECT s2.course_id FROM session_reading r2 JOIN course_session s2 ON s2.id = r2.session_id
                                      WHERE r2.paper_id = ANY(CAST(:ids AS bigint[])))
                UNION ALL
                SELECT 'P', lp.title, st.paper_id, row_number() OVER (PARTITION BY st.path_id ORDER BY st.position)
                FROM learning_path_step st JOIN learning_path lp ON lp.id = st.path_id
                WHERE st.path_id IN (SELECT path_id FROM learning_path_step WHERE paper_id = ANY(CAST(:ids AS bigint[])))
                ORDER BY 1, 2, 4""").setParameter("ids", ids).getResultList();
        Map<String, List<Long>> courses = new LinkedHashMap<>();
        Map<String, List<Long>> paths = new LinkedHashMap<>();
        for (Object[] row : rows) {
            Map<String, List<Long>> sequences = "C".equals(row[0].toString()) ? courses : paths;
            sequences.computeIfAbsent(row[1].toString(), k -> new ArrayList<>()).add(((Number) row[2]).longValue());
        }
        Set<Long> wanted = Set.of(ids);
        next(wanted, courses, COURSE_HORIZON, course);
        next(wanted, paths, PATH_HORIZON, path);
    }

    /** The groups holding each paper, with their sizes, and the members of the small ones. */
    @SuppressWarnings("unchecked")
    private void groups(Long[] ids, Map<Long, List<Group>> groups, Map<String, Set<Long>> members) {
        // rows: paper, key, kind, source, label, size
        List<Object[]> rows = em.createNativeQuery("""
                SELECT mine.paper_id, 'T:' || t.id, 'TOPIC', 'topics', t.name,
                       t.paper_count
                FROM paper_topic mine JOIN topic t ON t.id = mine.topic_id WHERE mine.paper_id = ANY(CAST(:ids AS bigint[]))
                UNION ALL
                SELECT mine.paper_id, 'L:' || l.id || ':' || mine.section, 'SECTION', 'list ' || l.id, mine.section,
                       (SELECT count(*) FROM reading_list_entry x WHERE x.list_id = l.id AND x.section = mine.section)
                FROM reading_list_entry mine JOIN reading_list l ON l.id = mine.list_id AND l.owner_id IS NULL
                WHERE mine.paper_id = ANY(CAST(:ids AS bigint[])) AND mine.section <> ''
                UNION ALL
                SELECT mine.paper_id, 'S:' || s.id, 'SECTION', 'course ' || c.id, c.title || ': ' || s.title,
                       (SELECT count(*) FROM session_reading x WHERE x.session_id = s.id)
                FROM session_reading mine JOIN course_session s ON s.id = mine.session_id JOIN course c ON c.id = s.course_id
                WHERE mine.paper_id = ANY(CAST(:ids AS bigint[]))""").setParameter("ids", ids).getResultList();
        List<Group> all = new ArrayList<>();
        for (Object[] row : rows) {
            Group group = new Group(row[1].toString(), GroupKind.valueOf(row[2].toString()), row[3].toString(),
                    row[4].toString(), ((Number) row[5]).intValue());
            groups.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>()).add(group);
            all.add(group);
        }
        groups.values().forEach(list -> list.sort((a, b) -> Integer.compare(a.size(), b.size())));
        members.putAll(membersOfSmall(all));
    }

    @SuppressWarnings("unchecked")
    private void membersOf(Set<String> keys, Map<String, Set<Long>> members) {
        List<Long> topics = new ArrayList<>();
        List<Long> lists = new ArrayList<>();
        List<String> sections = new ArrayList<>();
        List<Long> sessions = new ArrayList<>();
        for (String key : keys) {
            String[] parts = key.split(":", 3);
            switch (parts[0]) {
                case "T" -> topics.add(Long.valueOf(parts[1]));
                case "S" -> sessions.add(Long.valueOf(parts[1]));
                default -> {
                    lists.add(Long.valueOf(parts[1]));
                    sections.add(parts[2]);
                }
            }
        }
        List<Object[]> rows = em.createNativeQuery("""
                SELECT 'T:' || topic_id, paper_id FROM paper_topic WHERE topic_id = ANY(CAST(:topics AS bigint[]))
                UNION ALL
                SELECT 'L:' || e.list_id || ':' || e.section, e.paper_id FROM reading_list_entry e
                JOIN unnest(CAST(:lists AS bigint[]), CAST(:sections AS text[])) AS g(list_id, section)
                    ON g.list_id = e.list_id AND g.section = e.section
                UNION ALL
                SELECT 'S:' || session_id, paper_id FROM session_reading WHERE session_id = ANY(CAST(:sessions AS bigint[]))""")
                .setParameter("topics", topics.toArray(Long[]::new))
                .setParameter("lists", lists.toArray(Long[]::new))
                .setParameter("sections", sections.toArray(String[]::new))
                .setParameter("sessions", sessions.toArray(Long[]::new))
                .getResultList();
        rows.forEach(r -> members.computeIfAbsent(r[0].toString(), k -> new HashSet<>()).add(((Number) r[1]).longValue()));
    }

    /** Duplicates, years and names of the papers. */
    @SuppressWarnings("unchecked")
    private void identities(Long[] ids, Map<Long, Set<Long>> duplicates, Map<Long, Integer> years,
            Map<Long, List<String>> names) {
        // rows: kind (D duplicate, Y year, N name, T title), paper, value
        List<Object[]> rows = em.createNativeQuery("""
                SELECT 'D', a.id, CAST(b.id AS text) FROM paper a JOIN paper b ON b.title_key = a.title_key AND b.id <> a.id
                WHERE a.id = ANY(CAST(:ids AS bigint[]))
                UNION ALL
                SELECT 'D', a.id, CAST(b.id AS text) FROM paper a JOIN paper b ON b.arxiv_id = a.arxiv_id AND b.id <> a.id
                WHERE a.id = ANY(CAST(:ids AS bigint[]))
                UNION ALL
                SELECT 'Y', id, CAST(year AS text) FROM paper WHERE id = ANY(CAST(:ids AS bigint[])) AND year IS NOT NULL
                UNION ALL
                SELECT 'T', id, title FROM paper WHERE id = ANY(CAST(:ids AS bigint[]))
                UNION ALL
                SELECT 'N', paper_id, alias FROM paper_alias WHERE paper_id = ANY(CAST(:ids AS bigint[])) AND source = 'CURATED'
                """).setParameter("ids", ids).getResultList();
        for (Object[] row : rows) {
            long paper = ((Number) row[1]).longValue();
            String value = row[2].toString();
            switch (row[0].toString()) {
                case "D" -> duplicates.computeIfAbsent(paper, k -> new HashSet<>()).add(Long.valueOf(value));
                case "Y" -> years.put(paper, Integer.valueOf(value));
                case "T" -> {
                    int colon = value.indexOf(':');
                    if (colon > 0) {
                        names.computeIfAbsent(paper, k -> new ArrayList<>()).add(value.substring(0, colon).strip());
                    }
                }
                default -> names.computeIfAbsent(paper, k -> new ArrayList<>()).add(value);
            }
        }
    }

    /**
     * Sections that hold exactly the papers of another group of the same paper (a course imported as a reading
     * list has both sessions and list sections) are one group, not two curators agreeing.
     */
    private static List<Group> withoutRepeats(List<Group> groups, Map<String, Set<Long>> members) {
        List<Group> kept = new ArrayList<>();
        Set<Set<Long>> seen = new HashSet<>();
        for (Group group : groups) {
            Set<Long> of = members.get(group.key());
            if (group.kind() != GroupKind.SECTION || of == null || seen.add(of)) {
                kept.add(group);
            }
        }
        return kept;
    }

    /** For sequences holding the wanted papers: the papers up to {@code horizon} places after each of them. */
    private static void next(Set<Long> wanted, Map<String, List<Long>> sequences, int horizon,
            Map<Long, Map<Long, Next>> into) {
        sequences.forEach((title, sequence) -> {
            for (int i = 0; i < sequence.size(); i++) {
                long paper = sequence.get(i);
                if (!wanted.contains(paper)) {
                    continue;
                }
                for (int d = 1; d <= horizon && i + d < sequence.size(); d++) {
                    Next next = new Next(1.0 - (d - 1) / (double) horizon, title);
                    into.computeIfAbsent(paper, k -> new HashMap<>())
                            .merge(sequence.get(i + d), next, (a, b) -> a.closeness() >= b.closeness() ? a : b);
                }
            }
        });
        into.forEach((paper, candidates) -> candidates.remove(paper));
    }
}
