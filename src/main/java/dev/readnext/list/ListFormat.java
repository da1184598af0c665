package dev.readnext.list;

/** The reading-list formats readnext understands. */
public enum ListFormat {
    /** Markdown headings "Title: URL" and bare URLs (seed 000). */
    HEADING_LINKS,
    /** Dated weekly course schedule with "Title: TL;DR" readings (seed 002). */
    COURSE_SCHEDULE,
    /** Awesome-list with bold titles, arXiv ids, authors and repos (seed 003). */
    AWESOME_LIST,
    /** Checkbox list "- [x] [Title](url)" with read status (seed 004). */
    CHECKLIST,
    /** Any markdown list of [title](url) links. */
    MARKDOWN_LINKS
}
