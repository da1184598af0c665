package dev.readnext.list;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.readnext.api.ApiException;

/** Marking a paper read or unread in a reading list. */
@ApplicationScoped
@Transactional
public class ReadStatusEditor {

    public ReadingListEntry setRead(String listSlug, long paperId, boolean read) {
        ReadingList list = ReadingList.findBySlug(listSlug)
                .orElseThrow(() -> ApiException.notFound("no reading list with slug " + listSlug));
        ReadingListEntry entry = ReadingListEntry.<ReadingListEntry>find("listId = ?1 and paperId = ?2", list.id, paperId)
                .firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("paper " + paperId + " is not in reading list " + listSlug));
        entry.read = read;
        return entry;
    }
}
