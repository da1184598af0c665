package dev.readnext.list;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;

import dev.readnext.persistence.GeneratedIdEntity;

/** A paper's place in a reading list (its read checkbox is the list owner's read status: ReadStatus). */
@Entity
@Table(name = "reading_list_entry")
@Description("A paper's place in a reading list, with its read status there")
public class ReadingListEntry extends GeneratedIdEntity {

    @Ignore
    @Column(name = "list_id")
    public Long listId;

    @Ignore
    @Column(name = "paper_id")
    public Long paperId;

    @Description("1-based position of the entry in the list")
    public int position;

    /** the heading the entry sits under in the list */
    @Description("The heading the entry sits under in the list (\"Miscellaneous / Datalogy\"); null outside any heading")
    public String section;

    public static List<ReadingListEntry> forLists(List<Long> listIds) {
        return list("listId in ?1 order by listId, position", listIds);
    }

    /** The papers' entries in the catalogue's lists (never in a reader's own). */
    public static List<ReadingListEntry> forPapers(List<Long> paperIds) {
        return list("paperId in ?1 and listId in (select l.id from ReadingList l where l.ownerId is null)"
                + " order by listId, position", paperIds);
    }
}
