package dev.readnext.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.readnext.course.Course;
import dev.readnext.ingest.PaperMerger.Merged;
import dev.readnext.ingest.PaperMerger.Outcome;
import dev.readnext.list.ReadingList;
import dev.readnext.paper.Paper;

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

    /** Key of the PostgreSQL advisory lock that serialises imports across replicas. */
    public static final long IMPORT_LOCK = 0x7265_6164_6e65_7874L;

    @Inject
    EntityManager em;

    @Inject
    PaperMerger merger;

    @Transactional
    public ImportReport importLists(List<ParsedList> lists) {
        lockImports();
        return write(lists);
    }

    /** Imports the lists only when the knowledge base has no reading list yet (first start). */
    // a few seconds normally; the default 60 s timeout was seen to expire on a heavily loaded 2-core machine
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public Optional<ImportReport> importIfEmpty(Supplier<List<ParsedList>> lists) {
        lockImports();
        return ReadingList.count() == 0 ? Optional.of(write(lists.get())) : Optional.empty();
    }

    private void lockImports() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", IMPORT_LOCK).getSingleResult();
    }

    private ImportReport write(List<ParsedList> lists) {
        KnownPapers known = KnownPapers.load();
        TopicWriter topics = new TopicWriter();
        int created = 0;
        int merged = 0;
        int unchanged = 0;
        List<ImportReport.Warning> warnings = new ArrayList<>();
        for (ParsedList list : lists) {
            Map<ParsedResource, Merged> papers = new HashMap<>();
            List<Paper> entryPapers = new ArrayList<>();
            List<Outcome> outcomes = new ArrayList<>();
            for (ParsedEntry entry : list.entries()) {
                boolean firstMention = !papers.containsKey(entry.resource());
                Merged m = papers.computeIfAbsent(entry.resource(), r -> merger.merge(known, r));
                boolean linked = topics.link(m.paper().id, topics.ensure(entry.topicPath()));
                Outcome outcome = firstMention ? m.outcome() : Outcome.UNCHANGED;
                entryPapers.add(m.paper());
                outcomes.add(outcome == Outcome.UNCHANGED && linked ? Outcome.MERGED : outcome);
            }
            boolean[] listChanged = new ListWriter().write(list, entryPapers);
            Set<Long> courseChanged = list.course() == null ? Set.of() : writeCourse(list.course(), papers, known, topics);
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
            list.warnings().forEach(w -> warnings.add(new ImportReport.Warning(list.slug(), w.line(), w.message())));
        }
        return new ImportReport(created, merged, unchanged, warnings);
    }

    private Set<Long> writeCourse(ParsedCourse parsed, Map<ParsedResource, Merged> papers, KnownPapers known,
            TopicWriter topics) {
        Set<Long> changed = new CourseWriter(topics)
                .write(parsed, r -> papers.computeIfAbsent(r, x -> merger.merge(known, x)).paper());
        new PathGenerator().generate(Course.findBySlug(parsed.slug()).orElseThrow());
        return changed;
    }
}
