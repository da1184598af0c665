package dev.readnext.ingest.parse;

import java.util.List;

import dev.readnext.list.ListFormat;

/**
 * The common model every list format parses into.
 *
 * @param slug     stable identifier of the list, derived from its name (e.g. "read-list-dump")
 * @param name     the list's name (its first heading, or the name given on import)
 * @param format   which parser produced it
 * @param entries  entries in document order (for a course: its readings, section = session label)
 * @param course   the course schedule when the list is one, else null
 * @param warnings lines skipped or guessed
 */
public record ParsedList(String slug, String name, ListFormat format, List<ParsedEntry> entries,
        ParsedCourse course, List<ParseWarning> warnings) {
}
