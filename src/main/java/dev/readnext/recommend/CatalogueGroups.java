package dev.readnext.recommend;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.readnext.recommend.StructureSignals.Group;
import dev.readnext.recommend.StructureSignals.GroupKind;
import dev.readnext.text.TextAnalyzer;

/**
 * The groups of the catalogue, as of one read: topics' names, the sections of catalogue reading lists, course sessions
 * (with their members), and the order of courses and learning paths. Immutable: a change to any of them (a catalogue
 * marker in the change log) reads them all again, which is quick (they are the curated part of the knowledge base,
 * thousands of rows, not the papers); topic membership belongs to the papers ({@link PaperFacts}).
 */
final class CatalogueGroups {

    static final CatalogueGroups EMPTY = new CatalogueGroups(Map.of(), Map.of(), Map.of(), Map.of(), List.of());

    /** A topic: its name, and the analysed terms of its name (to find the topics a text names). */
    record Topic(long id, String name, Set<String> terms) {
    }

    /** A course's reading order or a path's steps, in order. */
    record Sequence(String title, long[] papers) {
    }

    /** Where a paper stands in a sequence. */
    record Place(Sequence sequence, int index, boolean course) {
    }

    private final Map<Long, Topic> topics;
    private final Map<String, Section> sections;
    private final Map<Long, List<Section>> sectionsOfPaper;
    private final Map<Long, List<Place>> placesOfPaper;
    private final List<Topic> topicList;

    /** A list section or course session: the group and its members, sorted. */
    record Section(Group group, long[] members) {
    }

    private CatalogueGroups(Map<Long, Topic> topics, Map<String, Section> sections,
            Map<Long, List<Section>> sectionsOfPaper, Map<Long, List<Place>> placesOfPaper, List<Topic> topicList) {
        this.topics = topics;
        this.sections = sections;
        this.sectionsOfPaper = sectionsOfPaper;
        this.placesOfPaper = placesOfPaper;
        this.topicList = topicList;
    }

    static CatalogueGroups read(Connection c, TextAnalyzer analyzer) throws SQLException {
        Map<Long, Topic> topics = new LinkedHashMap<>();
        query(c, "SELECT id, name FROM topic ORDER BY id", rs -> {
            String name = rs.getString(2);
            Set<String> terms = new HashSet<>();
            analyzer.analyze(name).forEach(token -> terms.add(token.term()));
            topics.put(rs.getLong(1), new Topic(rs.getLong(1), name, Set.copyOf(terms)));
        });
        // rows: key, source, label, paper; list sections first, then sessions, as the groups of a paper are ordered
        Map<String, List<Long>> members = new LinkedHashMap<>();
        Map<String, String[]> described = new HashMap<>();
        query(c, """
                SELECT 'L:' || e.list_id || ':' || e.section, 'list ' || e.list_id, e.section, e.paper_id, 0, e.list_id, 0
                FROM reading_list_entry e JOIN reading_list l ON l.id = e.list_id AND l.owner_id IS NULL
                WHERE e.section <> ''
                UNION ALL
                SELECT 'S:' || s.id, 'course ' || c.id, c.title || ': ' || s.title, r.paper_id, 1, 0, s.id
                FROM session_reading r JOIN course_session s ON s.id = r.session_id JOIN course c ON c.id = s.course_id
                ORDER BY 5, 6, 3, 7, 4""", rs -> {
            String key = rs.getString(1);
            members.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getLong(4));
            described.putIfAbsent(key, new String[] { rs.getString(2), rs.getString(3) });
        });
        Map<String, Section> sections = new LinkedHashMap<>();
        Map<Long, List<Section>> sectionsOfPaper = new HashMap<>();
        members.forEach((key, papers) -> {
            long[] sorted = papers.stream().mapToLong(Long::longValue).sorted().toArray();
            String[] d = described.get(key);
            Section section = new Section(new Group(key, GroupKind.SECTION, d[0], d[1], sorted.length), sorted);
            sections.put(key, section);
            for (long paper : sorted) {
                sectionsOfPaper.computeIfAbsent(paper, k -> new ArrayList<>()).add(section);
            }
        });
        Map<Long, List<Place>> placesOfPaper = new HashMap<>();
        sequences(c, """
                SELECT c.id, c.title, r.paper_id FROM session_reading r
                JOIN course_session s ON s.id = r.session_id JOIN course c ON c.id = s.course_id
                ORDER BY c.id, s.position, r.position""", true, placesOfPaper);
        sequences(c, """
                SELECT lp.id, lp.title, st.paper_id FROM learning_path_step st JOIN learning_path lp ON lp.id = st.path_id
                ORDER BY lp.id, st.position""", false, placesOfPaper);
        return new CatalogueGroups(Map.copyOf(topics), sections, sectionsOfPaper, placesOfPaper,
                List.copyOf(topics.values()));
    }

    Topic topic(long id) {
        return topics.get(id);
    }

    List<Topic> topics() {
        return topicList;
    }

    Section section(String key) {
        return sections.get(key);
    }

    /** The catalogue list sections and course sessions that hold the paper, in list then session order. */
    List<Section> sectionsOf(long paper) {
        return sectionsOfPaper.getOrDefault(paper, List.of());
    }

    /** Where the paper stands in courses (first) and paths. */
    List<Place> placesOf(long paper) {
        return placesOfPaper.getOrDefault(paper, List.of());
    }

    private static void sequences(Connection c, String sql, boolean course, Map<Long, List<Place>> into)
            throws SQLException {
        Map<Long, String> titles = new LinkedHashMap<>();
        Map<Long, List<Long>> papers = new LinkedHashMap<>();
        query(c, sql, rs -> {
            titles.putIfAbsent(rs.getLong(1), rs.getString(2));
            papers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(3));
        });
        papers.forEach((id, ordered) -> {
            Sequence sequence = new Sequence(titles.get(id), ordered.stream().mapToLong(Long::longValue).toArray());
            for (int i = 0; i < sequence.papers().length; i++) {
                into.computeIfAbsent(sequence.papers()[i], k -> new ArrayList<>()).add(new Place(sequence, i, course));
            }
        });
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, RowReader reader) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                reader.read(rs);
            }
        }
    }
}
