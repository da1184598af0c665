package dev.readnext.ingest.parse;

import dev.readnext.list.ListFormat;

/** Parses one reading-list format into the common {@link ParsedList} model. */
public interface ReadingListParser {

    ListFormat format();

    /** True when the content shows this format's signature lines (cheap; does not parse). */
    boolean accepts(String content);

    /**
     * @param name    the list's name, used when the content has no title of its own
     * @param content the whole document
     * @throws IllegalArgumentException when neither the content nor {@code name} yields a name
     */
    ParsedList parse(String name, String content);
}
