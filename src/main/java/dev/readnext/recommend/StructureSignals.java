package dev.readnext.recommend;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;

import dev.readnext.paper.Paper;
import dev.readnext.paper.PaperChanged;
import dev.readnext.paper.TitleDictionary;
import dev.readnext.persistence.CatalogueChanged;
import dev.readnext.text.TextAnalyzer;

/**
 * What the knowledge base's structure says about papers, from memory: the groups a curator put each paper in
 * (reading-list sections, course sessions, topics) with their sizes, the members of the small ones (candidates to
 * recommend), the following course readings and path steps, duplicates, year and names; and, for the candidates
 * found, which of those groups they share and their years. A recommendation request reads no table for them.
 *
 * <p>Read in full before the index is ready ({@link RecommendationIndex}) and after a bulk import; then kept current
 * like the index: a paper's facts ({@link PaperFacts}) when the change log names the paper, the catalogue's groups
 * ({@link CatalogueGroups}) at a catalogue marker (migration V12); this replica's own writes at once, after commit.
 * The papers' names go to the {@link TitleDictionary} that resolves free text, kept current the same way.
 */
@ApplicationScoped
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
    DataSource db;

    @Inject
    TitleDictionary dictionary;

    private final TextAnalyzer analyzer = new TextAnalyzer();
    private final Object writer = new Object();
    private volatile CatalogueGroups catalogue = CatalogueGroups.EMPTY;
    private volatile PaperFacts papers = new PaperFacts();
    private volatile boolean loaded;

    /** Reads the whole structure; before the index is ready, and again after a bulk import. */
    void load() throws SQLException {
        synchronized (writer) {
            read();
        }
    }

    private void read() throws SQLException {
        long started = System.nanoTime();
        try (Connection c = db.getConnection()) {
            int isolation = c.getTransactionIsolation();
            // one snapshot for both: the papers' topics and the groups agree; and PostgreSQL streams only in one
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                CatalogueGroups groups = CatalogueGroups.read(c, analyzer);
                List<TitleDictionary.Names> names = new ArrayList<>();
                PaperFacts facts = PaperFacts.read(c, names);
                c.commit();
                catalogue = groups;
                papers = facts;
                dictionary.replaceAll(names);
                loaded = true;
                Log.infof("Structure read: %d papers in %d ms", names.size(), (System.nanoTime() - started) / 1_000_000);
            } finally {
                c.rollback();
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(true);
            }
        }
    }

    /** Reads the catalogue's groups again (a catalogue marker in the change log, or a write here). */
    void reloadCatalogue() throws SQLException {
        synchronized (writer) {
            if (loaded) {
                try (Connection c = db.getConnection()) {
                    catalogue = CatalogueGroups.read(c, analyzer);
                }
            }
        }
    }

    /** Reads the papers' facts again (papers named by the change log, or changed here). */
    void refresh(Collection<Long> paperIds) throws SQLException {
        synchronized (writer) {
            if (loaded && !paperIds.isEmpty()) {
                try (Connection c = db.getConnection()) {
                    papers.refresh(c, paperIds, dictionary);
                }
            }
        }
    }

    /** This replica's own writes show in its next request: applied after commit, before the write's response. */
    void onPaperChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PaperChanged change) {
        try {
            refresh(List.of(change.paperId()));
        } catch (SQLException e) {
            Log.errorf(e, "Could not refresh the structure of paper %d; the change log brings it", change.paperId());
        }
    }

    void onCatalogueChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogueChanged change) {
        try {
            reloadCatalogue();
            refresh(change.papers());
        } catch (SQLException e) {
            Log.error("Could not reload the catalogue's groups; the change log brings them", e);
        }
    }

    /**
     * The papers as recommendation lists show them, detached and read from memory; papers memory does not hold (yet)
     * are left out. For requests that select none of {@link #NOT_PROJECTED}.
     */
    public Map<Long, Paper> projected(Collection<Long> paperIds) {
        PaperFacts facts = papers;
        Map<Long, Paper> found = new HashMap<>();
        for (long id : paperIds) {
            PaperFacts.Known known = facts.of(id);
            if (known != null) {
                found.put(id, known.toPaper(id));
            }
        }
        return found;
    }

    /** The fields of GraphQL type Paper that {@link #projected} papers lack. */
    public static final Set<String> NOT_PROJECTED = PaperFacts.NOT_PROJECTED;

    public Map<Long, Structure> of(List<Long> paperIds) {
        CatalogueGroups groups = catalogue;
        PaperFacts facts = papers;
        Map<Long, Structure> structures = new HashMap<>();
        for (long id : paperIds) {
            structures.put(id, structureOf(id, groups, facts));
        }
        return structures;
    }

    private static Structure structureOf(long id, CatalogueGroups catalogue, PaperFacts facts) {
        PaperFacts.Known known = facts.of(id);
        List<Group> groups = new ArrayList<>();
        Map<String, long[]> members = new HashMap<>();
        if (known != null) {
            for (long topicId : known.topics()) {
                CatalogueGroups.Topic topic = catalogue.topic(topicId);
                if (topic != null) {
                    long[] of = facts.membersOf(topicId);
                    Group group = new Group("T:" + topicId, GroupKind.TOPIC, "topics", topic.name(), of.length);
                    groups.add(group);
                    members.put(group.key(), of);
                }
            }
        }
        for (CatalogueGroups.Section section : catalogue.sectionsOf(id)) {
            groups.add(section.group());
            members.put(section.group().key(), section.members());
        }
        groups.sort(Comparator.comparingInt(Group::size));
        List<Group> own = withoutRepeats(groups, members);
        Map<String, Set<Long>> small = new HashMap<>();
        own.stream().filter(g -> g.size() <= CANDIDATE_GROUP_SIZE)
                .forEach(g -> small.put(g.key(), set(members.get(g.key()))));
        Map<Long, Next> courseNext = new HashMap<>();
        Map<Long, Next> pathNext = new HashMap<>();
        for (CatalogueGroups.Place place : catalogue.placesOf(id)) {
            next(id, place, place.course() ? COURSE_HORIZON : PATH_HORIZON, place.course() ? courseNext : pathNext);
        }
        return new Structure(courseNext, pathNext, facts.duplicatesOf(id), own, small,
                known == null ? null : known.year(), known == null ? List.of() : known.names());
    }

    /** For each candidate: which of the given groups hold it, and its year. */
    public Map<Long, Facts> facts(Collection<Long> candidates, Collection<Group> groups) {
        Set<String> keys = new HashSet<>();
        groups.forEach(g -> keys.add(g.key()));
        CatalogueGroups catalogue = this.catalogue;
        PaperFacts facts = papers;
        Map<Long, Facts> found = new HashMap<>();
        for (long candidate : candidates) {
            PaperFacts.Known known = facts.of(candidate);
            Set<String> held = new HashSet<>();
            if (known != null) {
                for (long topic : known.topics()) {
                    String key = "T:" + topic;
                    if (keys.contains(key)) {
                        held.add(key);
                    }
                }
            }
            for (CatalogueGroups.Section section : catalogue.sectionsOf(candidate)) {
                if (keys.contains(section.group().key())) {
                    held.add(section.group().key());
                }
            }
            found.put(candidate, new Facts(held, known == null ? null : known.year()));
        }
        return found;
    }

    /**
     * The topics the text names: their whole name is in the text and makes up at least half of it ("optimizers for
     * pretraining" names "Optimization" and "Pretraining"; "KV cache compression" does not name "Compression"),
     * compared as analysed terms; with their sizes.
     */
    public List<Group> topicsNamedIn(String text) {
        Set<String> words = new HashSet<>();
        analyzer.analyze(text).forEach(token -> words.add(token.term()));
        PaperFacts facts = papers;
        List<Group> named = new ArrayList<>();
        for (CatalogueGroups.Topic topic : catalogue.topics()) {
            Set<String> name = topic.terms();
            if (!name.isEmpty() && words.containsAll(name) && 2 * name.size() >= words.size()) {
                named.add(new Group("T:" + topic.id(), GroupKind.TOPIC, "topics", topic.name(),
                        facts.membersOf(topic.id()).length));
            }
        }
        return named;
    }

    /** Members of the given groups up to {@link #CANDIDATE_GROUP_SIZE} papers, by group key. */
    public Map<String, Set<Long>> membersOfSmall(Collection<Group> groups) {
        CatalogueGroups catalogue = this.catalogue;
        PaperFacts facts = papers;
        Map<String, Set<Long>> members = new HashMap<>();
        for (Group group : groups) {
            if (group.size() <= CANDIDATE_GROUP_SIZE) {
                long[] of;
                if (group.kind() == GroupKind.TOPIC) {
                    of = facts.membersOf(Long.parseLong(group.key().substring(2)));
                } else {
                    CatalogueGroups.Section section = catalogue.section(group.key());
                    of = section == null ? new long[0] : section.members();
                }
                members.put(group.key(), set(of));
            }
        }
        return members;
    }

    private static Set<Long> set(long[] ids) {
        Set<Long> set = new HashSet<>(ids.length * 2);
        for (long id : ids) {
            set.add(id);
        }
        return set;
    }

    /**
     * Sections that hold exactly the papers of another group of the same paper (a course imported as a reading
     * list has both sessions and list sections) are one group, not two curators agreeing.
     */
    private static List<Group> withoutRepeats(List<Group> groups, Map<String, long[]> members) {
        List<Group> kept = new ArrayList<>();
        List<long[]> seen = new ArrayList<>();
        for (Group group : groups) {
            long[] of = members.get(group.key());
            if (group.kind() != GroupKind.SECTION || group.size() > CANDIDATE_GROUP_SIZE) {
                kept.add(group);
            } else if (seen.stream().noneMatch(other -> Arrays.equals(other, of))) {
                seen.add(of);
                kept.add(group);
            }
        }
        return kept;
    }

    /** The papers up to {@code horizon} places after the paper's place in a course or path. */
    private static void next(long paper, CatalogueGroups.Place place, int horizon, Map<Long, Next> into) {
        long[] sequence = place.sequence().papers();
        for (int d = 1; d <= horizon && place.index() + d < sequence.length; d++) {
            long following = sequence[place.index() + d];
            if (following != paper) {
                into.merge(following, new Next(1.0 - (d - 1) / (double) horizon, place.sequence().title()),
                        (a, b) -> a.closeness() >= b.closeness() ? a : b);
            }
        }
    }
}
