package dev.readnext.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.readnext.list.ListFormat;

/**
 * Markdown where entries are headings "Title: URL" (also "Title - URL", "Title URL", "Title:URL"), bullets or
 * bare URL lines; headings without a URL are sections.
 *
 * <p>An entry heading is a sibling of a section heading at the same level, so it closes that section
 * ("### papers" does not own a later "### Qwen3-Next: …"). Prose before the first heading is an intro.
 */
public final class HeadingLinksParser implements ReadingListParser {

    private static final Pattern HEADING_WITH_URL = Pattern.compile("(?m)^ {0,3}#{1,6}\\s.*https?://");

    @Override
    public ListFormat format() {
        return ListFormat.HEADING_LINKS;
    }

    @Override
    public boolean accepts(String content) {
        return HEADING_WITH_URL.matcher(content).find();
    }

    @Override
    public ParsedList parse(String name, String content) {
        List<SourceLine> lines = SourceLine.split(content);
        String title = null;
        boolean inBody = false;
        SectionStack sections = new SectionStack();
        List<ParsedEntry> entries = new ArrayList<>();
        List<ParseWarning> warnings = new ArrayList<>();
        for (SourceLine line : lines) {
            if (line.isBlank()) {
                continue;
            }
            Optional<Markdown.Heading> heading = Markdown.heading(line.text());
            if (heading.isPresent() && heading.get().level() == 1 && title == null && !inBody) {
                title = heading.get().text();
                continue;
            }
            if (heading.isPresent()) {
                inBody = true;
                Optional<LinkText.TitledLink> link = LinkText.parse(heading.get().text());
                if (link.isPresent()) {
                    sections.closeFrom(heading.get().level());
                    entries.add(entry(link.get(), sections, line, warnings));
                } else {
                    sections.open(heading.get().level(), heading.get().text());
                }
                continue;
            }
            String body = Markdown.bullet(line).map(Markdown.Bullet::text).orElse(line.text());
            Optional<LinkText.TitledLink> link = LinkText.parse(body);
            if (link.isPresent()) {
                inBody = true;
                entries.add(entry(link.get(), sections, line, warnings));
            } else if (inBody) {
                warnings.add(new ParseWarning(line.number(), "No URL on this line; skipped: " + body.trim()));
            }
        }
        return ParsedLists.of(ParsedLists.name(title, name), format(), entries, warnings);
    }

    private static ParsedEntry entry(LinkText.TitledLink link, SectionStack sections, SourceLine line,
            List<ParseWarning> warnings) {
        if (link.glued()) {
            warnings.add(new ParseWarning(line.number(),
                    "URL glued to its title; split before " + link.url()));
        }
        ParsedResource resource = ResourceBuilder.titled(link.title()).url(link.url()).build();
        return new ParsedEntry(resource, sections.section(), sections.topicPath(), false, line.number());
    }
}
