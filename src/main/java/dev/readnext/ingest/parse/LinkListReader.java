package dev.readnext.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a markdown document whose entries are lines holding a "[title](http…)" link (one entry per line,
 * the first link). "# Title" names the list; other headings are sections. A bullet without a link that
 * is followed by deeper bullets is a group ("- Datalogy" → section "Miscellaneous / Datalogy").
 * "[x]"/"[ ]" checkboxes give the read status.
 */
final class LinkListReader {

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
            Optional<Markdown.Link> link = Markdown.links(checkbox.map(Markdown.Checkbox::text).orElse(text))
                    .stream().findFirst();
            if (link.isPresent()) {
                inBody = true;
                ParsedResource resource = ResourceBuilder.titled(link.get().text()).url(link.get().url()).build();
                boolean read = checkbox.map(Markdown.Checkbox::checked).orElse(false);
                entries.add(new ParsedEntry(resource, sections.section(), sections.topicPath(), read, line.number()));
            } else if (bullet.isPresent() && checkbox.isEmpty()) {
                sections.open(SectionStack.bulletGroupLevel(bullet.get().indent()), text);
            } else if (inBody) {
                warnings.add(new ParseWarning(line.number(), "No link on this line; skipped: " + text));
            }
        }
        return ParsedLists.of(ParsedLists.name(title, name), format, entries, warnings);
    }
}
