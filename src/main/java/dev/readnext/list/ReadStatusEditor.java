package dev.readnext.list;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.readnext.paper.ReadStatus;

/** Ticking a paper's checkbox in a reading list: its owner's read status of the paper. */
@ApplicationScoped
@Transactional
public class ReadStatusEditor {

    @Inject
    ReadStatus readStatus;

    /**
     * The entry ticked or unticked, or empty if the paper is not in the list. The paper is then read or unread for
     * the list's owner, in every list of theirs that has it.
     */
    public Optional<ReadingListEntry> setRead(ReadingList list, long paperId, boolean read) {
        Optional<ReadingListEntry> entry = ReadingListEntry
                .<ReadingListEntry>find("listId = ?1 and paperId = ?2", list.id, paperId).firstResultOptional();
        entry.ifPresent(e -> readStatus.mark(list.ownerId != null ? list.ownerId : readStatus.seedOwner(),
                List.of(paperId), read));
        return entry;
    }
}
