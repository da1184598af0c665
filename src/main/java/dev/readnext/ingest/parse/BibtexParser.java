package dev.readnext.ingest.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.readnext.list.ListFormat;
import dev.readnext.paper.ResourceKind;
import dev.readnext.text.ArxivIds;
import dev.readnext.text.Latex;
import dev.readnext.text.Urls;

/**
 * A BibTeX library: one entry per {@code @type{key, …}} of any type ({@code @comment}, {@code @preamble} and
 * {@code @string} are not entries; macros are expanded), read by {@link BibtexReader}. Each entry becomes a resource:
 * <ul>
 * <li>title and abstract from LaTeX to Unicode ({@link Latex});</li>
 * <li>authors split on "and" outside braces, "Last, First" turned to "First Last", "others" dropped;</li>
 * <li>year from {@code year} (or biblatex {@code date});</li>
 * <li>arXiv id from {@code eprint} (when {@code archivePrefix}/{@code eprinttype} is arXiv or absent), {@code arxiv},
 * {@code arxivid}, an arXiv URL or DOI (10.48550/arXiv.…), or "arXiv:…" in {@code journal}/{@code note};</li>
 * <li>link from {@code url}, else {@code howpublished}'s URL, else the DOI as https://doi.org/… (readnext keeps one
 * link per paper).</li>
 * </ul>
 * An entry with neither title, link nor arXiv id is skipped with a warning; malformed structure rejects the whole
 * file ({@link BibtexReader}).
 */
public final class BibtexParser implements ReadingListParser {

    /** An entry's start on a line of its own: "@article{", "@InProceedings (", but not @comment/@string/@preamble. */
    private static final Pattern ENTRY_START = Pattern.compile(
            "(?im)^[ \\t]*@[ \\t]*(?!comment\\b|string\\b|preamble\\b)[a-z]+[ \\t]*[{(]");
    private static final Pattern AND = Pattern.compile("\\s+and\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[5-9]\\d\\d|20\\d\\d)(?!\\d)");
    private static final Pattern ARXIV_DOI = Pattern.compile("10\\.48550/arxiv\\.(.+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOI = Pattern.compile(
            "(?:https?://(?:dx\\.)?doi\\.org/|doi:)?\\s*(10\\.\\d{4,9}/\\S+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern URL_ESCAPE = Pattern.compile("\\\\([_%&#~$])");
    /** Types that are papers whatever their link. */
    private static final Set<String> PAPER_TYPES = Set.of("article", "inproceedings", "conference", "incollection",
            "phdthesis", "mastersthesis", "thesis", "techreport", "report", "unpublished");

    @Override
    public ListFormat format() {
        return ListFormat.BIBTEX;
    }

    @Override
    public boolean accepts(String content) {
        return ENTRY_START.matcher(content).find();
    }

    @Override
    public ParsedList parse(String name, String content) {
        BibtexReader.Result bib = BibtexReader.read(content);
        List<ParseWarning> warnings = new ArrayList<>(bib.warnings());
        List<ParsedEntry> entries = new ArrayList<>();
        Map<String, Integer> keys = new HashMap<>();
        for (BibtexReader.Entry entry : bib.entries()) {
            Integer earlier = entry.key().isEmpty() ? null : keys.putIfAbsent(entry.key(), entry.line());
            if (earlier != null) {
                warnings.add(new ParseWarning(entry.line(), "The key '" + entry.key() + "' was used before (line "
                        + earlier + "): both entries are imported"));
            }
            resource(entry, warnings).ifPresent(resource ->
                    entries.add(new ParsedEntry(resource, null, List.of(), false, entry.line())));
        }
        return ParsedLists.of(ParsedLists.name(null, name), format(), entries, warnings);
    }

    private static Optional<ParsedResource> resource(BibtexReader.Entry entry, List<ParseWarning> warnings) {
        Map<String, String> fields = entry.fields();
        String title = Latex.toUnicode(fields.get("title"));
        String url = url(fields);
        String arxivId = arxivId(entry, url, warnings);
        if ((title == null || title.isEmpty()) && url == null && arxivId == null) {
            warnings.add(new ParseWarning(entry.line(), "The entry '" + entry.key()
                    + "' has no title, url, doi or arXiv id: skipped"));
            return Optional.empty();
        }
        ResourceBuilder resource = ResourceBuilder.titled(title);
        if (url != null) {
            resource.url(url);
        }
        if (arxivId != null) {
            resource.arxivId(arxivId);
        }
        if (PAPER_TYPES.contains(entry.type().toLowerCase(Locale.ROOT))) {
            resource.kind(ResourceKind.PAPER);
        }
        return Optional.of(resource.authors(authors(fields.get("author")))
                .year(year(entry, warnings))
                .abstractText(Latex.toUnicode(fields.get("abstract")))
                .build());
    }

    /** "Vaswani, Ashish and Shazeer, Noam and others" → ["Ashish Vaswani", "Noam Shazeer"]. */
    static List<String> authors(String field) {
        if (field == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String name : splitOutsideBraces(field, AND)) {
            String display = displayName(name);
            if (!display.isEmpty() && !display.equalsIgnoreCase("others")) {
                names.add(display);
            }
        }
        return names;
    }

    /** "von Last, Jr, First" → "First von Last Jr"; "First Last" and "{Corporate Name}" as they stand. */
    private static String displayName(String name) {
        List<String> parts = splitOutsideBraces(name, Pattern.compile("\\s*,\\s*"));
        String last = Latex.toUnicode(parts.get(0));
        return switch (parts.size()) {
            case 1 -> last;
            case 2 -> (Latex.toUnicode(parts.get(1)) + " " + last).strip();
            default -> (Latex.toUnicode(parts.get(2)) + " " + last + " " + Latex.toUnicode(parts.get(1))).strip();
        };
    }

    /** Splits where the separator matches at brace depth 0 (one pass: the depth is counted as the matches go). */
    private static List<String> splitOutsideBraces(String text, Pattern separator) {
        List<String> parts = new ArrayList<>();
        Matcher matcher = separator.matcher(text);
        int from = 0;
        int counted = 0;
        int depth = 0;
        while (matcher.find()) {
            for (; counted < matcher.start(); counted++) {
                depth += text.charAt(counted) == '{' ? 1 : text.charAt(counted) == '}' ? -1 : 0;
            }
            if (depth == 0) {
                parts.add(text.substring(from, matcher.start()));
                from = matcher.end();
            }
        }
        parts.add(text.substring(from));
        return parts;
    }

    private static Integer year(BibtexReader.Entry entry, List<ParseWarning> warnings) {
        String year = entry.fields().getOrDefault("year", entry.fields().get("date"));
        if (year == null || year.isBlank()) {
            return null;
        }
        Matcher matcher = YEAR.matcher(year);
        if (matcher.find()) {
            return Integer.parseInt(matcher.group(1));
        }
        warnings.add(new ParseWarning(entry.line(), "The year '" + year + "' of the entry '" + entry.key()
                + "' is not a year: ignored"));
        return null;
    }

    private static String arxivId(BibtexReader.Entry entry, String url, List<ParseWarning> warnings) {
        Map<String, String> fields = entry.fields();
        String archive = fields.getOrDefault("archiveprefix", fields.getOrDefault("eprinttype", "arXiv"));
        List<String> stated = new ArrayList<>();
        if (archive.strip().equalsIgnoreCase("arxiv") && fields.containsKey("eprint")) {
            stated.add(fields.get("eprint"));
        }
        for (String field : List.of("arxiv", "arxivid")) {
            Optional.ofNullable(fields.get(field)).ifPresent(stated::add);
        }
        for (String value : stated) {
            String clean = value.replaceAll("[{}\\s]", "");
            Optional<String> id = ArxivIds.find(clean.toLowerCase(Locale.ROOT).startsWith("arxiv") ? clean
                    : "arXiv:" + clean);
            if (id.isPresent()) {
                return id.get();
            }
            warnings.add(new ParseWarning(entry.line(), "'" + value + "' in the entry '" + entry.key()
                    + "' is not an arXiv id: ignored"));
        }
        Optional<String> fromLinks = ArxivIds.fromUrl(url)
                .or(() -> Optional.ofNullable(fields.get("doi")).map(ARXIV_DOI::matcher).filter(Matcher::find)
                        .flatMap(doi -> ArxivIds.find("arXiv:" + doi.group(1))));
        if (fromLinks.isPresent()) {
            return fromLinks.get();
        }
        for (String field : List.of("journal", "note", "howpublished", "journaltitle")) {
            String text = fields.get(field);
            if (text != null && text.toLowerCase(Locale.ROOT).contains("arxiv")) {
                Optional<String> id = ArxivIds.find(text);
                if (id.isPresent()) {
                    return id.get();
                }
            }
        }
        return null;
    }

    /** The entry's link: url, else a URL in howpublished, else the DOI's; LaTeX escapes undone, never decoded. */
    private static String url(Map<String, String> fields) {
        String url = fields.get("url");
        if (url == null && fields.get("howpublished") != null) {
            url = Urls.findFirst(fields.get("howpublished")).map(Urls.Located::url).orElse(null);
        }
        if (url != null) {
            url = URL_ESCAPE.matcher(url.replaceAll("\\\\url|[{}\\s]", "")).replaceAll("$1");
            if (url.startsWith("http://") || url.startsWith("https://")) {
                return url;
            }
        }
        String doi = fields.get("doi");
        if (doi != null) {
            Matcher matcher = DOI.matcher(URL_ESCAPE.matcher(doi.replaceAll("[{}]", "").strip()).replaceAll("$1"));
            if (matcher.matches()) {
                return "https://doi.org/" + matcher.group(1);
            }
        }
        return null;
    }
}
