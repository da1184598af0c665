package dev.readnext.list;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.readnext.api.Batches;
import dev.readnext.paper.Paper;
import dev.readnext.paper.PaperService;
import dev.readnext.paper.ReadStatus;

/** Reading lists and their entries, loaded in batches for GraphQL. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReadingListService {

    @Inject
    PaperService papers;

    @Inject
    ReadStatus readStatus;

    @Inject
    EntityManager em;

    public List<List<ReadingListEntry>> entriesOfLists(List<ReadingList> lists) {
        return Batches.alignedGroups(lists, l -> l.id,
                ReadingListEntry.forLists(lists.stream().map(l -> l.id).toList()), e -> e.listId, e -> e);
    }

    public List<List<ReadingListEntry>> entriesOfPapers(List<Paper> papers) {
        return Batches.alignedGroups(papers, p -> p.id,
                ReadingListEntry.forPapers(PaperService.ids(papers)), e -> e.paperId, e -> e);
    }

    public List<ReadingList> listsOf(List<ReadingListEntry> entries) {
        List<Long> ids = entries.stream().map(e -> e.listId).distinct().toList();
        Map<Long, ReadingList> lists = Batches.index(ReadingList.list("id in ?1", ids), l -> l.id);
        return entries.stream().map(e -> lists.get(e.listId)).toList();
    }

    public List<Paper> papersOf(List<ReadingListEntry> entries) {
        return papers.papersFor(entries, x -> x.paperId);
    }

    /**
     * Each entry's read checkbox: whether its list's owner (the seed owner for the catalogue's lists) has read the
     * paper. One query however many entries and lists.
     */
    public List<Boolean> readOf(List<ReadingListEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        Set<Long> read = new HashSet<>(PaperService.longs(em.createNativeQuery("""
                SELECT e.id FROM reading_list_entry e JOIN reading_list l ON l.id = e.list_id
                JOIN reader_read rr ON rr.paper_id = e.paper_id AND rr.reader_id =
                    COALESCE(l.owner_id, (SELECT id FROM reader WHERE subject = :owner))
                WHERE e.id = ANY(CAST(:ids AS bigint[]))""")
                .setParameter("owner", readStatus.seedOwnerSubject())
                .setParameter("ids", entries.stream().map(e -> e.id).toArray(Long[]::new)).getResultList()));
        return entries.stream().map(e -> read.contains(e.id)).toList();
    }
}
