package dev.readnext.reader;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.readnext.paper.Paper;
import dev.readnext.text.ArxivIds;
import dev.readnext.text.Latex;

/**
 * Writes papers as BibTeX, one {@code @misc} entry each (the type BibTeX and biblatex styles print for preprints and
 * web resources alike): title in double braces (its capitals kept), authors as "Family, Given" joined by "and",
 * year, an arXiv paper's {@code eprint}, {@code archivePrefix} and arXiv DOI, the {@code url}, and a DOI when the link
 * is one. Text is LaTeX-escaped ({@link Latex#escape}) and stays UTF-8; {@code importReadingList} reads the file back
 * to the same papers.
 */
final class BibtexWriter {

    private static final Pattern DOI_URL = Pattern.compile("https?://(?:dx\\.)?doi\\.org/(10\\.\\d{4,9}/\\S+)");

    private BibtexWriter() {
    }

    /** @param keys one citation key per paper, aligned with the papers */
    static String write(List<Paper> papers, List<String> keys) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < papers.size(); i++) {
            entry(papers.get(i), keys.get(i), out);
        }
        return out.toString();
    }

    private static void entry(Paper paper, String key, StringBuilder out) {
        out.append("@misc{").append(key).append(",\n");
        field(out, "title", "{" + Latex.escape(paper.title) + "}");
        if (!paper.authors.isEmpty()) {
            field(out, "author", paper.authors.stream().map(BibtexWriter::author).collect(Collectors.joining(" and ")));
        }
        if (paper.year != null) {
            field(out, "year", String.valueOf(paper.year));
        }
        if (paper.arxivId != null) {
            field(out, "eprint", paper.arxivId);
            field(out, "archivePrefix", "arXiv");
        }
        doi(paper).ifPresent(doi -> field(out, "doi", safeUrl(doi)));
        link(paper).ifPresent(url -> field(out, "url", safeUrl(url)));
        out.append("}\n\n");
    }

    /** The paper's link, else an arXiv paper's abs page, else none. */
    static Optional<String> link(Paper paper) {
        return Optional.ofNullable(paper.url != null ? paper.url
                : paper.arxivId != null ? ArxivIds.absUrl(paper.arxivId) : null);
    }

    /** The paper's DOI: its link's when the link is a DOI, else an arXiv paper's (10.48550/arXiv.…), else none. */
    static Optional<String> doi(Paper paper) {
        Matcher link = paper.url == null ? null : DOI_URL.matcher(paper.url);
        if (link != null && link.matches()) {
            return Optional.of(link.group(1));
        }
        return Optional.ofNullable(paper.arxivId).map(id -> "10.48550/arXiv." + id);
    }

    private static String author(String name) {
        PersonName parts = PersonName.of(name);
        return parts.literal() != null ? "{" + Latex.escape(parts.literal()) + "}"
                : Latex.escape(parts.family()) + ", " + Latex.escape(parts.given());
    }

    /** A URL or DOI as BibTeX keeps it, verbatim: only what would unbalance the field is percent-encoded. */
    private static String safeUrl(String url) {
        return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D");
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append("  ").append(name).append(" = {").append(value).append("},\n");
    }
}
