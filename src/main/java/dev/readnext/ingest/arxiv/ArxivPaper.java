package dev.readnext.ingest.arxiv;

import java.util.List;

/**
 * One valid line of an arXiv metadata file, normalised and checked against the paper table's constraints.
 *
 * @param categories arXiv category codes, the primary one first
 */
record ArxivPaper(long line, String arxivId, String title, String titleKey, String slug, String abstractText,
        List<String> authors, Integer year, String url, List<String> categories) {
}
