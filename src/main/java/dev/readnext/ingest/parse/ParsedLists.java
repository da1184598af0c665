package dev.readnext.ingest.parse;

import java.util.List;
import dev.readnext.text.Slugs;
import dev.readnext.text.TextRepair;
import dev.readnext.list.ListFormat;

/** Builds the {@link ParsedList} every parser returns, deriving the slug from the name. */
final class ParsedLists {

    private ParsedLists() {
    }

    /** The title the document gives itself, else the name it was imported under. */
    static String name(String titleInContent, String givenName) {
        if (titleInContent != null && !titleInContent.isBlank()) {
            return TextRepair.clean(titleInContent);
        }
        if (givenName != null && !givenName.isBlank()) {
            return TextRepair.clean(givenName);
        }
        throw new IllegalArgumentException("The list has no title heading and no name was given");
    }

    static ParsedList of(String name, String slugSource, ListFormat format, List<ParsedEntry> entries,
            ParsedCourse course, List<ParseWarning> warnings) {
        String slug = Slugs.slugify(slugSource);
        if (slug.isEmpty()) {
            throw new IllegalArgumentException("Cannot derive a slug from the list name '" + name
                    + "': it needs at least one ASCII letter or digit");
        }
        return new ParsedList(slug, name, format, List.copyOf(entries), course, List.copyOf(warnings));
    }

    static ParsedList of(String name, ListFormat format, List<ParsedEntry> entries, List<ParseWarning> warnings) {
        return of(name, name, format, entries, null, warnings);
    }
}
