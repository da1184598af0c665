package dev.readnext.list;

import org.eclipse.microprofile.graphql.Description;

/** The reading-list formats readnext understands. */
@Description("The format a reading list was written in, as importReadingList detected it")
public enum ListFormat {
    /** Markdown headings "Title: URL" and bare URLs (seed 000). */
    @Description("Markdown headings \"Title: URL\" and bare URLs")
    HEADING_LINKS,
    /** Dated weekly course schedule with "Title: TL;DR" readings (seed 002). */
    @Description("A dated, weekly course schedule with \"Title: TL;DR\" readings")
    COURSE_SCHEDULE,
    /** Awesome-list with bold titles, arXiv ids, authors and repos (seed 003). */
    @Description("An awesome list: bold titles with arXiv ids, authors and code links")
    AWESOME_LIST,
    /** Checkbox list "- [x] [Title](url)" with read status (seed 004). */
    @Description("A checkbox list \"- [x] [Title](url)\", whose ticks are the read status")
    CHECKLIST,
    /** Any markdown list of [title](url) links. */
    @Description("Any other markdown list of [title](url) links")
    MARKDOWN_LINKS,
    /** A BibTeX library (.bib): entries of any type with title, author, year, eprint, url, doi. */
    @Description("A BibTeX library (.bib, as Zotero, Mendeley, JabRef or Google Scholar export it): one entry per"
            + " paper, matched by arXiv id (eprint), URL, DOI or title")
    BIBTEX,
    /** A reader's own list, made by saveToList. */
    @Description("A reader's own list, to which saveToList adds papers")
    SAVED
}
