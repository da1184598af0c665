package dev.readnext.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.readnext.paper.ResourceKind;
import dev.readnext.text.ArxivIds;
import dev.readnext.text.TextRepair;
import dev.readnext.text.Urls;
import dev.readnext.list.ListFormat;

/**
 * An "awesome list" export: "## Section" headings; entries are top-level bullets, either a paper
 * ("**Title**, `arXiv, 2504.13161`, [arxiv](…), [pdf](…)") whose bold title may wrap onto the next line,
 * or a link ("[**repo**](github…) - owner", "[Title](url) 🤗"). Indented lines below a bullet carry
 * "*authors*" (or, for a non-paper, an italic description used as TL;DR) and extra links, of which the
 * first GitHub repository becomes the code URL. The table of contents ("- [Name](#anchor)") is skipped.
 *
 * <p>Markers: 🌟 highlight, 🤗 blog, :clapper: video, 𝕏 post. They override the kind guessed from the URL.
 */
public final class AwesomeListParser implements ReadingListParser {

    private static final Pattern ARXIV_TAG = Pattern.compile("`arXiv,\\s*([^`]+)`", Pattern.CASE_INSENSITIVE);
    private static final Pattern BOLD_TITLE = Pattern.compile("^\\*\\*(.+?)\\*\\*");
    private static final Pattern BOLD_LINK_TEXT = Pattern.compile("^\\*\\*(.+)\\*\\*$");
    private static final Pattern ITALIC = Pattern.compile("(?<!\\*)\\*([^*]+)\\*(?!\\*)");
    private static final Pattern ELLIPSIS = Pattern.compile("\\.{3}|…");
    private static final String HIGHLIGHT = "🌟";
    private static final String BLOG_MARKER = "🤗";
    private static final String VIDEO_MARKER = ":clapper:";
    private static final String POST_MARKER = "𝕏";
    private static final Pattern SIGNATURE = Pattern.compile(
            "(?m)(`arXiv,\\s*\\d{4}\\.\\d{4,5}`|!\\[Star]\\(https://img\\.shields\\.io/github/stars/)");

    @Override
    public ListFormat format() {
        return ListFormat.AWESOME_LIST;
    }

    @Override
    public boolean accepts(String content) {
        return SIGNATURE.matcher(content).find();
    }

    @Override
    public ParsedList parse(String name, String content) {
        List<SourceLine> lines = SourceLine.split(content);
        String title = null;
        SectionStack sections = new SectionStack();
        List<ParsedEntry> entries = new ArrayList<>();
        List<ParseWarning> warnings = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            SourceLine line = lines.get(i);
            Optional<Markdown.Heading> heading = Markdown.heading(line.text());
            Optional<Markdown.Bullet> bullet = Markdown.bullet(line);
            if (heading.isPresent() && heading.get().level() == 1 && title == null) {
                title = heading.get().text();
            } else if (heading.isPresent()) {
                sections.open(heading.get().level(), heading.get().text());
            } else if (bullet.isPresent() && bullet.get().indent() == 0 && !Markdown.isAnchorsOnly(bullet.get().text())) {
                int end = blockEnd(lines, i);
                parseEntry(lines.subList(i, end), warnings)
                        .ifPresent(resource -> entries.add(
                                new ParsedEntry(resource, sections.section(), sections.topicPath(), false, line.number())));
                i = end;
                continue;
            }
            i++;
        }
        return ParsedLists.of(ParsedLists.name(title, name), format(), entries, warnings);
    }

    /** An entry's block runs until the next line that starts at column 0 (bullet, heading or text). */
    private static int blockEnd(List<SourceLine> lines, int start) {
        int end = start + 1;
        while (end < lines.size() && (lines.get(end).isBlank() || lines.get(end).indent() > 0)) {
            end++;
        }
        return end;
    }

    private static Optional<ParsedResource> parseEntry(List<SourceLine> block, List<ParseWarning> warnings) {
        int headEnd = headEnd(block);
        String head = joinedHead(block.subList(0, headEnd));
        List<String> details = block.subList(headEnd, block.size()).stream()
                .filter(line -> !line.isBlank()).map(line -> line.text().trim()).toList();
        Optional<ResourceBuilder> builder = paper(head).or(() -> link(head));
        if (builder.isEmpty()) {
            warnings.add(new ParseWarning(block.get(0).number(), "Neither a paper nor a link; skipped: " + head));
            return Optional.empty();
        }
        boolean isPaper = ARXIV_TAG.matcher(head).find();
        addDetails(builder.get(), details, isPaper);
        return Optional.of(builder.get().highlight(block.get(0).text().contains(HIGHLIGHT)).build());
    }

    /** The head is the bullet line plus any lines that finish a bold title wrapped over several lines. */
    private static int headEnd(List<SourceLine> block) {
        int end = 1;
        StringBuilder head = new StringBuilder(block.get(0).text());
        while (end < block.size() && countOf(head, "**") % 2 == 1 && !block.get(end).isBlank()) {
            head.append(' ').append(block.get(end).text());
            end++;
        }
        return end;
    }

    private static String joinedHead(List<SourceLine> headLines) {
        String joined = String.join(" ", headLines.stream().map(line -> line.text().trim()).toList());
        String withoutBullet = Markdown.bullet(new SourceLine(0, joined)).map(Markdown.Bullet::text).orElse(joined);
        return TextRepair.collapseWhitespace(withoutBullet.replace(HIGHLIGHT, ""));
    }

    private static Optional<ResourceBuilder> paper(String head) {
        Matcher boldTitle = BOLD_TITLE.matcher(head);
        if (!boldTitle.find()) {
            return Optional.empty();
        }
        ResourceBuilder builder = ResourceBuilder.titled(boldTitle.group(1));
        Matcher arxivTag = ARXIV_TAG.matcher(head);
        Optional<String> arxivId = arxivTag.find() ? ArxivIds.find(arxivTag.group(1)) : Optional.empty();
        Optional<String> linkedId = Markdown.links(head).stream()
                .map(link -> ArxivIds.fromUrl(link.url())).flatMap(Optional::stream).findFirst();
        arxivId.or(() -> linkedId).ifPresentOrElse(builder::arxivId,
                () -> Markdown.links(head).stream().findFirst().ifPresent(link -> builder.url(link.url())));
        return Optional.of(builder);
    }

    private static Optional<ResourceBuilder> link(String head) {
        return Markdown.links(head).stream().findFirst().map(link -> {
            Matcher boldName = BOLD_LINK_TEXT.matcher(link.text());
            String title = boldName.matches() ? boldName.group(1) : link.text();
            ResourceBuilder builder = ResourceBuilder.titled(title).url(link.url());
            markerKind(head.substring(0, link.start()) + " " + head.substring(link.end())).ifPresent(builder::kind);
            return builder;
        });
    }

    private static Optional<ResourceKind> markerKind(String textAroundLink) {
        if (textAroundLink.contains(VIDEO_MARKER)) {
            return Optional.of(ResourceKind.VIDEO);
        }
        if (textAroundLink.contains(POST_MARKER)) {
            return Optional.of(ResourceKind.POST);
        }
        if (textAroundLink.contains(BLOG_MARKER)) {
            return Optional.of(ResourceKind.BLOG);
        }
        return Optional.empty();
    }

    /** Italic span: authors of a paper, description of anything else; first GitHub repo: code URL. */
    private static void addDetails(ResourceBuilder builder, List<String> details, boolean isPaper) {
        for (String detail : details) {
            Matcher italic = ITALIC.matcher(detail);
            if (italic.find() && detail.startsWith("*")) {
                if (isPaper) {
                    builder.authors(authors(italic.group(1)));
                } else {
                    builder.tldr(italic.group(1));
                }
            }
        }
        details.stream().flatMap(detail -> Markdown.links(detail).stream())
                .map(link -> Urls.githubRepo(link.url())).flatMap(Optional::stream)
                .findFirst().ifPresent(builder::codeUrl);
    }

    private static List<String> authors(String italicText) {
        return List.of(italicText.split(",")).stream()
                .map(String::trim)
                .filter(name -> !name.isEmpty() && !ELLIPSIS.matcher(name).matches())
                .toList();
    }

    private static int countOf(CharSequence text, String token) {
        String whole = text.toString();
        return (whole.length() - whole.replace(token, "").length()) / token.length();
    }
}
