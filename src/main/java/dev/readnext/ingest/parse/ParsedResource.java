package dev.readnext.ingest.parse;

import java.util.List;

import dev.readnext.paper.ResourceKind;

/**
 * One resource as a list describes it, already cleaned (mojibake repaired, hyphen variants folded,
 * wrapped lines joined) but not yet matched against the knowledge base.
 *
 * @param title     readable title; derived from the URL for bare-URL entries
 * @param url       primary link, or null (course readings have none)
 * @param arxivId   arXiv id without version (e.g. "2104.09864"), or null
 * @param kind      derived from URL and markers
 * @param tldr      one-line summary, or null
 * @param authors   author names in list order, possibly empty
 * @param codeUrl   code repository link, or null
 * @param highlight marked as a highlight (🌟) by the list
 * @param year      publication year when known (stated by the list, else from the arXiv id), or null
 * @param abstractText the abstract when the list gives one (BibTeX), or null
 */
public record ParsedResource(String title, String url, String arxivId, ResourceKind kind, String tldr,
        List<String> authors, String codeUrl, boolean highlight, Integer year, String abstractText) {
}
