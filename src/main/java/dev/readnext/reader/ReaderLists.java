package dev.readnext.reader;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.readnext.api.ApiException;
import dev.readnext.api.Ids;
import dev.readnext.list.ListFormat;
import dev.readnext.list.ListVisibility;
import dev.readnext.list.ReadingList;
import dev.readnext.list.ReadingListEntry;
import dev.readnext.paper.Paper;
import dev.readnext.text.Slugs;

/**
 * A reader's own reading lists: reading_list rows with an owner, private to that reader unless made public. A list is named by the
 * reader; names that differ only in case and punctuation (the same slug) are the same list.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReaderLists {

    static final int MAX_NAME = 300;

    @Inject
    EntityManager em;

    public List<ReadingList> of(Reader reader) {
        return ReadingList.ownedBy(reader.id);
    }

    /**
     * Adds the paper at the end of the reader's list of that name, creating the list on first use; a paper already
     * in the list keeps its place. The list's row is locked while the position is taken, so concurrent saves to one
     * list get distinct positions.
     */
    @Transactional
    public ReadingListEntry save(Reader reader, Paper paper, String name) {
        String listName = name.strip();
        String slug = Slugs.slugify(listName);
        if (listName.length() > MAX_NAME || slug.isEmpty()) {
            throw ApiException.badInput("list", "list must be a name of 1 to " + MAX_NAME
                    + " characters with at least one letter or digit");
        }
        em.createNativeQuery("INSERT INTO reading_list (slug, name, format, owner_id, visibility) VALUES (:slug, :name,"
                + " :format, :owner, 'PRIVATE') ON CONFLICT (owner_id, slug) WHERE owner_id IS NOT NULL DO NOTHING")
                .setParameter("slug", slug).setParameter("name", listName)
                .setParameter("format", ListFormat.SAVED.name()).setParameter("owner", reader.id).executeUpdate();
        long listId = ((Number) em.createNativeQuery("SELECT id FROM reading_list WHERE owner_id = :owner"
                + " AND slug = :slug FOR UPDATE").setParameter("owner", reader.id).setParameter("slug", slug)
                .getSingleResult()).longValue();
        em.createNativeQuery("INSERT INTO reading_list_entry (list_id, paper_id, position)"
                + " SELECT :list, :paper, COALESCE(max(position), 0) + 1 FROM reading_list_entry"
                + " WHERE list_id = :list ON CONFLICT (list_id, paper_id) DO NOTHING")
                .setParameter("list", listId).setParameter("paper", paper.id).executeUpdate();
        return ReadingListEntry.<ReadingListEntry>find("listId = ?1 and paperId = ?2", listId, paper.id)
                .singleResult();
    }

    /** Sets who may see one of the reader's own lists; any other list id is NOT_FOUND, as an unknown one is. */
    @Transactional
    public ReadingList setVisibility(Reader reader, String listId, ListVisibility visibility) {
        long key = Ids.key("listId", listId, Ids.READING_LIST);
        ReadingList list = ReadingList.<ReadingList>find("id = ?1 and ownerId = ?2", key, reader.id)
                .firstResultOptional().orElseThrow(() -> ApiException.notFound("no reading list of yours has id "
                        + listId));
        list.visibility = visibility;
        return list;
    }
}
