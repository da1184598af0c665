package dev.readnext.ingest;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.hibernate.Session;

import dev.readnext.list.ReadingList;
import dev.readnext.list.ReadingListEntry;
import dev.readnext.list.ListVisibility;
import dev.readnext.paper.Paper;
import dev.readnext.paper.ReadStatus;

import dev.readnext.ingest.parse.ParsedEntry;
import dev.readnext.ingest.parse.ParsedList;
import dev.readnext.list.ListFormat;

/**
 * Makes a reading list's entries in the database equal to the parsed list: one entry per paper at the position
 * of its first mention; entries no longer in the list are removed. The list is the catalogue's, or a reader's own
 * when an owner is given. Its checkboxes are its owner's read status (the seed owner's for the catalogue): a ticked
 * new entry marks the paper read, and re-importing a checklist sets each paper's status to its checkbox; lists
 * without checkboxes never change what was marked.
 */
final class ListWriter {

    private final ReadStatus readStatus;
    private final Long ownerId;
    private final long readerId;

    /**
     * @param ownerId  the reader whose own list this is, or null for the catalogue's
     * @param readerId whose read status the checkboxes are: the owner, or the seed owner for the catalogue
     */
    ListWriter(ReadStatus readStatus, Long ownerId, long readerId) {
        this.readStatus = readStatus;
        this.ownerId = ownerId;
        this.readerId = readerId;
    }

    /** @return for each parsed entry, whether its membership row or its checkbox was created or changed */
    boolean[] write(ParsedList parsed, List<Paper> papers) {
        ReadingList list = ReadingList.find(ownerId, parsed.slug()).orElseGet(ReadingList::new);
        if (list.id == null) {
            list.slug = parsed.slug();
            list.ownerId = ownerId;
            list.visibility = ownerId == null ? ListVisibility.PUBLIC : ListVisibility.PRIVATE;
        }
        list.name = parsed.name();
        list.format = parsed.format();
        list.persist();

        Map<Long, ReadingListEntry> existing = new HashMap<>();
        ReadingListEntry.forLists(List.of(list.id)).forEach(e -> existing.put(e.paperId, e));
        Set<Long> read = readStatus.readAmong(readerId, papers.stream().map(p -> p.id).toList());
        Set<Long> markRead = new HashSet<>();
        Set<Long> markUnread = new HashSet<>();
        Map<Long, ReadingListEntry> kept = new LinkedHashMap<>();
        List<ReadingListEntry> added = new ArrayList<>();
        boolean[] changed = new boolean[papers.size()];
        for (int i = 0; i < papers.size(); i++) {
            long paperId = papers.get(i).id;
            if (kept.containsKey(paperId)) {
                continue;
            }
            ParsedEntry parsedEntry = parsed.entries().get(i);
            ReadingListEntry entry = existing.get(paperId);
            boolean checkboxCounts = entry == null ? parsedEntry.read() : parsed.format() == ListFormat.CHECKLIST;
            if (checkboxCounts && parsedEntry.read() != read.contains(paperId)) {
                (parsedEntry.read() ? markRead : markUnread).add(paperId);
                changed[i] = true;
            }
            if (entry == null) {
                entry = new ReadingListEntry();
                entry.listId = list.id;
                entry.paperId = paperId;
                added.add(entry);
                changed[i] = true;
            }
            int position = kept.size() + 1;
            if (entry.position != position || !Objects.equals(entry.section, parsedEntry.section())) {
                entry.position = position;
                entry.section = parsedEntry.section();
                changed[i] = true;
            }
            kept.put(paperId, entry);
        }
        insert(added);
        existing.keySet().removeAll(kept.keySet());
        existing.values().forEach(ReadingListEntry::delete);
        readStatus.mark(readerId, markRead, true);
        readStatus.mark(readerId, markUnread, false);
        return changed;
    }

    /**
     * New entries in JDBC batches: persisting them one by one would cost a round trip each (their ids come from an
     * identity column, which keeps Hibernate from batching), 31,000 of them for a 2 MB list. Existing entries are
     * managed, so their changes are flushed (in batches) at commit.
     */
    private static void insert(List<ReadingListEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Session session = ReadingListEntry.getEntityManager().unwrap(Session.class);
        session.flush(); // the new papers the entries point to
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO reading_list_entry (list_id, paper_id, position, section)
                    VALUES (?, ?, ?, ?)""")) {
                for (ReadingListEntry entry : entries) {
                    insert.setLong(1, entry.listId);
                    insert.setLong(2, entry.paperId);
                    insert.setInt(3, entry.position);
                    insert.setString(4, entry.section);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
