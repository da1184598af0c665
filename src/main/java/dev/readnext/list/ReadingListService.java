package dev.readnext.list;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.readnext.api.Batches;
import dev.readnext.paper.Paper;
import dev.readnext.paper.PaperService;

/** Reading lists and their entries, loaded in batches for GraphQL. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReadingListService {

    @Inject
    PaperService papers;

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
}
