package dev.readnext.reader;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.readnext.api.ApiException;
import dev.readnext.list.ReadingList;
import dev.readnext.paper.Paper;
import dev.readnext.paper.PaperService;
import dev.readnext.text.Slugs;

/**
 * A reader's library as a bibliography (BibTeX or CSL-JSON): the papers in their own lists and the papers they
 * marked read, each once, by paper id; or one of their lists, in its order. At most {@value #MAX_PAPERS} papers, read
 * in two queries; a larger library is BAD_USER_INPUT (export it a list at a time) rather than a file cut short.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LibraryExport {

    /** The most papers one export holds (about 0.5 MB of BibTeX, well within importReadingList's 2 MB). */
    public static final int MAX_PAPERS = 2_000;

    @Inject
    EntityManager em;

    @Inject
    PaperService papers;

    /**
     * @param list the name of one of the reader's lists (case and punctuation aside, as saveToList names them), or
     *             null for the whole library; a name that is not one of theirs is NOT_FOUND
     */
    public String export(Reader reader, LibraryFormat format, String list) {
        List<Long> ids = list == null ? library(reader) : list(reader, list);
        if (ids.size() > MAX_PAPERS) {
            throw ApiException.badInput(list == null ? "format" : "list", String.format(Locale.ROOT,
                    "An export holds at most %,d papers and this %s has more: export one list at a time (list:)",
                    MAX_PAPERS, list == null ? "library" : "list"));
        }
        List<Paper> found = papers.byIds(ids);
        List<String> keys = CitationKeys.of(found);
        return switch (format) {
            case BIBTEX -> BibtexWriter.write(found, keys);
            case CSL_JSON -> CslJsonWriter.write(found, keys);
        };
    }

    private List<Long> library(Reader reader) {
        return PaperService.longs(em.createNativeQuery("SELECT paper_id FROM reader_read WHERE reader_id = :reader"
                + " UNION SELECT e.paper_id FROM reading_list_entry e JOIN reading_list l ON l.id = e.list_id"
                + " WHERE l.owner_id = :reader ORDER BY 1 LIMIT :limit")
                .setParameter("reader", reader.id).setParameter("limit", MAX_PAPERS + 1).getResultList());
    }

    private List<Long> list(Reader reader, String name) {
        String slug = Slugs.slugify(name.strip());
        ReadingList owned = ReadingList.find(reader.id, slug)
                .orElseThrow(() -> ApiException.notFound("reading list of yours", "name", name));
        return PaperService.longs(em.createNativeQuery("SELECT paper_id FROM reading_list_entry WHERE list_id = :list"
                + " ORDER BY position LIMIT :limit")
                .setParameter("list", owned.id).setParameter("limit", MAX_PAPERS + 1).getResultList());
    }
}
