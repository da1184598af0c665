package dev.readnext.ingest.parse;

import java.util.List;

/**
 * One entry of a reading list.
 *
 * @param resource  what the entry points at
 * @param section   the heading the entry sits under, as the list writes it (e.g. "Miscellaneous / Datalogy"), or null
 * @param topicPath topic hierarchy this entry belongs to, outermost first (e.g. ["Miscellaneous", "Datalogy"]);
 *                  empty when the heading is not a topic (e.g. "papers")
 * @param read      read status when the list has one (checkboxes), else false
 * @param line      1-based line number where the entry starts
 */
public record ParsedEntry(ParsedResource resource, String section, List<String> topicPath, boolean read, int line) {
}
