package dev.readnext.ingest.parse;

import java.time.LocalDate;
import java.util.List;

/**
 * A dated course schedule (e.g. "LLM 901").
 *
 * @param slug     stable identifier, e.g. "llm-901"
 * @param title    full title as written
 * @param sections numbered sections in document order
 * @param sessions sessions in document order (sessions without readings are kept)
 */
public record ParsedCourse(String slug, String title, List<Section> sections, List<Session> sessions) {

    /**
     * @param number       normalised section number, e.g. "1-1-1"
     * @param title        e.g. "Architecture"
     * @param parentNumber number of the enclosing section ("1-1"), or null for a top-level one
     */
    public record Section(String number, String title, String parentNumber) {
    }

    /**
     * @param label         e.g. "Week 2-1", or the date as written ("11/24/2025") for dated-only sessions
     * @param date          session date
     * @param title         e.g. "Positional Encodings and Long Context"
     * @param sectionNumber innermost section the session sits in, or null
     * @param readings      in order
     * @param line          1-based line number of the session header
     */
    public record Session(String label, LocalDate date, String title, String sectionNumber,
            List<Reading> readings, int line) {
    }

    /** A reading of a session; {@code topicPath} is the section chain (titles) it sits under. */
    public record Reading(ParsedResource resource, boolean optional, List<String> topicPath, int line) {
    }
}
