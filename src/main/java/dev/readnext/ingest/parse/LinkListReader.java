package dev.readnext.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.readnext.list.ListFormat;

/**
 * Reads a markdown document whose entries are lines holding a "[title](http…)" link (one entry per line,
 * the first link; a line of more than {@value #MAX_LINKS_OF_ONE_ENTRY} links is one entry per link). "# Title"
 * names the list; other headings are sections. A bullet without a link that
 * is followed by deeper bullets is a group ("- Datalogy" → section "Miscellaneous / Datalogy").
 * "[x]"/"[ ]" checkboxes give the read status.
 */
final class LinkListReader {

    /**
     * A line with up to this many links is one entry, named by its first link (the others are the entry's PDF, code,
     * …); a line with more is a run of entries, one per link (a list whose line breaks were lost), with a warning.
     */
    static final int MAX_LINKS_OF_ONE_ENTRY = 3;

    private LinkListReader() {
    }

    static ParsedList read(String name, String content, ListFormat format) {
        String title = null;
        boolean inBody = false;
        SectionStack sections = new SectionStack();
        List<ParsedEntry> entries = new ArrayList<>();
        List<ParseWarning> warnings = new ArrayList<>();
        for (SourceLine line : SourceLine.split(content)) {
            if (line.isBlank()) {
                continue;
            }
            Optional<Markdown.Heading> heading = Markdown.heading(line.text());
            if (heading.isPresent()) {
                if (heading.get().level() == 1 && title == null && !inBody) {
                    title = heading.get().text();
                } else {
                    inBody = true;
                    sections.open(heading.get().level(), heading.get().text());
                }
                continue;
            }
            Optional<Markdown.Bullet> bullet = Markdown.bullet(line);
            bullet.ifPresent(b -> sections.closeFrom(SectionStack.bulletGroupLevel(b.indent())));
            String text = bullet.map(Markdown.Bullet::text).orElse(line.text());
            Optional<Markdown.Checkbox> checkbox = bullet.flatMap(b -> Markdown.checkbox(b.text()));
            List<Markdown.Link> links = Markdown.links(checkbox.map(Markdown.Checkbox::text).orElse(text));
            if (!links.isEmpty()) {
                inBody = true;
                if (links.size() > MAX_LINKS_OF_ONE_ENTRY) {
                    warnings.add(new ParseWarning(line.number(), "This line holds " + links.size()
                            + " links: read as one entry each"));
                }
                boolean read = checkbox.map(Markdown.Checkbox::checked).orElse(false);
                for (Markdown.Link link : links.size() > MAX_LINKS_OF_ONE_ENTRY ? links : links.subList(0, 1)) {
                    ParsedResource resource = ResourceBuilder.titled(link.text()).url(link.url()).build();
                    entries.add(new ParsedEntry(resource, sections.section(), sections.topicPath(), read,
                            line.number()));
                }
            } else if (bullet.isPresent() && checkbox.isEmpty()) {
                sections.open(SectionStack.bulletGroupLevel(bullet.get().indent()), text);
            } else if (inBody) {
                warnings.add(new ParseWarning(line.number(), "No link on this line; skipped: " + text));
            }
        }
        return ParsedLists.of(ParsedLists.name(title, name), format, entries, warnings);
    }
}
