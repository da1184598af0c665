package dev.readnext.list;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;

/** Marking a paper read or unread in a reading list. */
@ApplicationScoped
@Transactional
public class ReadStatusEditor {

    /** The entry marked, or empty if the paper is not in the list. */
    public Optional<ReadingListEntry> setRead(ReadingList list, long paperId, boolean read) {
        Optional<ReadingListEntry> entry = ReadingListEntry
                .<ReadingListEntry>find("listId = ?1 and paperId = ?2", list.id, paperId).firstResultOptional();
        entry.ifPresent(e -> e.read = read);
        return entry;
    }
}
