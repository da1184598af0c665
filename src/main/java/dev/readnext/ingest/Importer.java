package dev.readnext.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.readnext.course.Course;
import dev.readnext.ingest.PaperMerger.Merged;
import dev.readnext.ingest.PaperMerger.Outcome;
import dev.readnext.list.ReadingList;
import dev.readnext.paper.Paper;
import dev.readnext.paper.ReadStatus;
import dev.readnext.paper.PaperChanged;
import dev.readnext.persistence.CatalogueChanged;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import dev.readnext.ingest.parse.ParsedCourse;
import dev.readnext.ingest.parse.ParsedEntry;
import dev.readnext.ingest.parse.ParsedList;
import dev.readnext.ingest.parse.ParsedResource;

/**
 * Writes parsed reading lists into the knowledge base in one transaction: each resource is matched to the paper
 * it names (arXiv id, URL, title keys, curated aliases) or created, and every list, course and topic membership is
 * kept. All-or-nothing (one transaction, serialised with other imports by an advisory lock) and idempotent
 * (importing the same lists again changes no row).
 */
@ApplicationScoped
public class Importer {

    /**
     * Takes the PostgreSQL advisory lock that serialises imports across replicas, until the transaction ends. The key
     * is readnext's own ("readnext") and the schema's, so that imports into other schemas of the database (another
     * installation, other test runs) do not wait for each other.
     */
    public static final String LOCK_IMPORTS = "SELECT pg_advisory_xact_lock(" + 0x7265_6164_6e65_7874L
            + " # hashtext(current_schema()))";

    /**
     * Time allowed to an {@code importReadingList} transaction, and to each of its statements (request connections
     * allow a few seconds per statement, see {@code statement_timeout} in application.properties). Measured on a
     * 2-core machine: a 2 MB list of 31,000 new links takes 32 s at a load of 2 and up to 120 s at a load of 10, the
     * densest 2 MB list (68,000 links of 30 bytes) 54 to 96 s.
     */
    public static final int LIST_TIMEOUT_SECONDS = 300;

    /** Time allowed to the first-start import of the bundled lists (a few seconds normally, more on a loaded start). */
    static final int SEED_TIMEOUT_SECONDS = 600;

    /**
     * Lists with more entries than this are written in bulk: the paper trigger is silenced, and at the end the import
     * logs the papers that changed one by one when they are at most this many, else one rebuild marker, as the arXiv
     * import does (see migration V3 and {@code IndexSync}).
     */
    static final int BULK_ENTRIES = 1_000;

    private static final String LOG_CHANGES =
            "INSERT INTO paper_change (paper_id) SELECT unnest(string_to_array(:ids, ','))::bigint ORDER BY 1";
    private static final String NOTIFY_CHANGES = "SELECT pg_notify('readnext_paper_changes', 'import')";

    private static final int PREFETCH = 1_000;

    @Inject
    EntityManager em;

    @Inject
    Event<CatalogueChanged> catalogueChanges;

    @Inject
    PaperMerger merger;

    @Inject
    Event<PaperChanged> changes;

    @Inject
    ReadStatus readStatus;

    /**
     * Imports the lists into the catalogue ({@code ownerId} null) or as reader {@code ownerId}'s own lists. A
     * reader's lists add their papers to the catalogue but nothing else: no topics from their headings, no course.
     */
    @Transactional
    @TransactionConfiguration(timeout = LIST_TIMEOUT_SECONDS)
    public ImportReport importLists(List<ParsedList> lists, Long ownerId) {
        begin(LIST_TIMEOUT_SECONDS);
        return write(lists, ownerId);
    }

    /** Imports the lists only when the knowledge base has no reading list yet (first start). */
    // a few seconds normally; the default 60 s timeout was seen to expire on a heavily loaded 2-core machine
    @Transactional
    @TransactionConfiguration(timeout = SEED_TIMEOUT_SECONDS)
    public Optional<ImportReport> importIfEmpty(Supplier<List<ParsedList>> lists) {
        begin(SEED_TIMEOUT_SECONDS);
        return ReadingList.count("ownerId is null") == 0 ? Optional.of(write(lists.get(), null))
                : Optional.empty();
    }

    /** Statements may take as long as the transaction may; then the advisory lock (waiting for it counts). */
    private void begin(int timeoutSeconds) {
        setLocal("statement_timeout", timeoutSeconds + "s");
        em.createNativeQuery(LOCK_IMPORTS).getSingleResult();
    }

    private void setLocal(String setting, String value) {
        em.createNativeQuery("SELECT set_config(:setting, :value, true)")
                .setParameter("setting", setting).setParameter("value", value).getSingleResult();
    }

    private ImportReport write(List<ParsedList> lists, Long ownerId) {
        boolean catalogue = ownerId == null;
        ListWriter listWriter = new ListWriter(readStatus, ownerId, catalogue ? readStatus.seedOwner() : ownerId);
        boolean bulk = lists.stream().mapToInt(list -> list.entries().size()).sum() > BULK_ENTRIES;
        if (bulk) {
            setLocal("readnext.bulk", "on");
        }
        KnownPapers known = KnownPapers.load();
        loadKnownPapers(lists, known);
        Merges merges = new Merges(known, bulk, catalogue);
        TopicWriter topics = new TopicWriter();
        int created = 0;
        int merged = 0;
        int unchanged = 0;
        List<ImportReport.Warning> warnings = new ArrayList<>();
        Set<Long> listed = new HashSet<>();
        for (ParsedList list : lists) {
            Map<ParsedResource, Merged> papers = new HashMap<>();
            List<Paper> entryPapers = new ArrayList<>();
            List<Outcome> outcomes = new ArrayList<>();
            for (ParsedEntry entry : list.entries()) {
                boolean firstMention = !papers.containsKey(entry.resource());
                Merged m = papers.computeIfAbsent(entry.resource(), merges::merge);
                boolean linked = catalogue && topics.link(m.paper().id, topics.ensure(entry.topicPath()));
                if (linked) {
                    merges.linked(m.paper().id);
                }
                Outcome outcome = firstMention ? m.outcome() : Outcome.UNCHANGED;
                entryPapers.add(m.paper());
                outcomes.add(outcome == Outcome.UNCHANGED && linked ? Outcome.MERGED : outcome);
            }
            boolean[] listChanged = listWriter.write(list, entryPapers);
            Set<Long> courseChanged = list.course() == null || !catalogue ? Set.of()
                    : writeCourse(list.course(), papers, merges, topics);
            for (int i = 0; i < outcomes.size(); i++) {
                Outcome outcome = outcomes.get(i);
                if (outcome == Outcome.UNCHANGED && (listChanged[i] || courseChanged.contains(entryPapers.get(i).id))) {
                    outcome = Outcome.MERGED;
                }
                switch (outcome) {
                    case CREATED -> created++;
                    case MERGED -> merged++;
                    case UNCHANGED -> unchanged++;
                }
            }
            papers.values().forEach(m -> listed.add(m.paper().id));
            list.warnings().forEach(w -> warnings.add(new ImportReport.Warning(list.slug(), w.line(), w.message())));
        }
        merges.announce();
        if (catalogue) {
            catalogueChanges.fire(CatalogueChanged.imported(listed));
        }
        return new ImportReport(created, merged, unchanged, warnings);
    }

    /**
     * Loads the known papers that the lists' entries name, a thousand per query, so that merging finds them in the
     * session instead of reading them one query each.
     */
    private void loadKnownPapers(List<ParsedList> lists, KnownPapers known) {
        List<Long> ids = lists.stream().flatMap(list -> list.entries().stream()).map(ParsedEntry::resource).distinct()
                .flatMap(resource -> merger.knownId(known, resource).stream()).distinct().toList();
        for (int from = 0; from < ids.size(); from += PREFETCH) {
            Paper.list("id in ?1", ids.subList(from, Math.min(ids.size(), from + PREFETCH)));
        }
    }

    private Set<Long> writeCourse(ParsedCourse parsed, Map<ParsedResource, Merged> papers, Merges merges,
            TopicWriter topics) {
        Set<Long> changed = new CourseWriter(topics)
                .write(parsed, r -> papers.computeIfAbsent(r, merges::merge).paper());
        new PathGenerator().generate(Course.findBySlug(parsed.slug()).orElseThrow());
        return changed;
    }

    /**
     * Merges resources into papers and tells the recommendation index: each changed paper at once (an event that
     * replicas' indexes apply after commit), or, in bulk, at the end: the changed papers one by one when there are at
     * most {@value #BULK_ENTRIES}, else one rebuild.
     */
    private final class Merges {
        private final KnownPapers known;
        private final boolean bulk;
        private final boolean enrich;
        private final Set<Long> changed = new LinkedHashSet<>();
        private boolean rebuildNeeded;

        /** @param enrich whether entries may add to known papers (not for a reader's private lists) */
        Merges(KnownPapers known, boolean bulk, boolean enrich) {
            this.known = known;
            this.bulk = bulk;
            this.enrich = enrich;
        }

        Merged merge(ParsedResource resource) {
            Merged m = merger.merge(known, resource, enrich);
            if (bulk) {
                if (m.outcome() != Outcome.UNCHANGED) {
                    logAtEnd(m.paper().id);
                }
            } else if (m.change() != null) {
                changes.fire(new PaperChanged(m.paper().id, m.change()));
            }
            return m;
        }

        /** A paper joined a topic: in bulk, the trigger that would log it is silenced, so it is logged at the end. */
        void linked(long paperId) {
            if (bulk) {
                logAtEnd(paperId);
            }
        }

        private void logAtEnd(long paperId) {
            if (!rebuildNeeded && changed.add(paperId) && changed.size() > BULK_ENTRIES) {
                rebuildNeeded = true;
                changed.clear();
            }
        }

        /** In bulk: the change log rows and the notification, seen at commit. */
        void announce() {
            if (rebuildNeeded) {
                em.createNativeQuery(IndexRebuild.MARKER).executeUpdate();
                em.createNativeQuery(IndexRebuild.NOTIFY).getSingleResult();
            } else if (!changed.isEmpty()) {
                em.flush();
                em.createNativeQuery(LOG_CHANGES).setParameter("ids",
                        changed.stream().map(String::valueOf).collect(Collectors.joining(","))).executeUpdate();
                em.createNativeQuery(NOTIFY_CHANGES).getSingleResult();
            }
        }
    }
}
