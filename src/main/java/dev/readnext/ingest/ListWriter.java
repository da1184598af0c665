package dev.readnext.ingest;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.readnext.list.ReadingList;
import dev.readnext.list.ReadingListEntry;
import dev.readnext.paper.Paper;
import dev.readnext.ingest.parse.ListFormat;
import dev.readnext.ingest.parse.ParsedEntry;
import dev.readnext.ingest.parse.ParsedList;

/**
 * Makes a reading list's entries in the database equal to the parsed list: one entry per paper at the position
 * of its first mention; entries no longer in the list are removed. Read status comes from the list only when
 * the list has checkboxes, so re-importing a plain list keeps what readers marked.
 */
final class ListWriter {

    /** @return for each parsed entry, whether its membership row was created or changed */
    boolean[] write(ParsedList parsed, List<Paper> papers) {
        ReadingList list = ReadingList.findBySlug(parsed.slug()).orElseGet(ReadingList::new);
        if (list.id == null) {
            list.slug = parsed.slug();
        }
        list.name = parsed.name();
        list.format = parsed.format().name();
        list.persist();

        Map<Long, ReadingListEntry> existing = new HashMap<>();
        ReadingListEntry.forLists(List.of(list.id)).forEach(e -> existing.put(e.paperId, e));
        Map<Long, ReadingListEntry> kept = new LinkedHashMap<>();
        boolean[] changed = new boolean[papers.size()];
        for (int i = 0; i < papers.size(); i++) {
            long paperId = papers.get(i).id;
            if (kept.containsKey(paperId)) {
                continue;
            }
            ParsedEntry parsedEntry = parsed.entries().get(i);
            ReadingListEntry entry = existing.get(paperId);
            if (entry == null) {
                entry = new ReadingListEntry();
                entry.listId = list.id;
                entry.paperId = paperId;
                entry.read = parsedEntry.read();
                changed[i] = true;
            } else if (parsed.format() == ListFormat.CHECKLIST && entry.read != parsedEntry.read()) {
                entry.read = parsedEntry.read();
                changed[i] = true;
            }
            int position = kept.size() + 1;
            if (entry.position != position || !Objects.equals(entry.section, parsedEntry.section())) {
                entry.position = position;
                entry.section = parsedEntry.section();
                changed[i] = true;
            }
            entry.persist();
            kept.put(paperId, entry);
        }
        existing.keySet().removeAll(kept.keySet());
        existing.values().forEach(ReadingListEntry::delete);
        return changed;
    }
}
