package dev.readnext.reader;

import org.eclipse.microprofile.graphql.Description;

/** The formats a reader's library exports to. */
@Description("A bibliography format that reference managers (Zotero, Mendeley, JabRef) and LaTeX read")
public enum LibraryFormat {
    @Description("BibTeX (.bib): one @misc entry per paper; arXiv papers with eprint, archivePrefix and url."
            + " importReadingList reads it back")
    BIBTEX,
    @Description("CSL-JSON: a JSON array of CSL items (id, type, title, author, issued, URL, DOI, number), as"
            + " citeproc, Pandoc and Zotero read them")
    CSL_JSON
}
