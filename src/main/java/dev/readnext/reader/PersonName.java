package dev.readnext.reader;

import java.util.Locale;

/**
 * An author's display name ("Ashish Vaswani") split for bibliographies: the last word is the family name, the words
 * before it the given names. A one-word name (an organisation, a mononym) and a name holding a comma or the word
 * "and" (which BibTeX would split) have no such parts: they stay whole, a literal.
 *
 * @param family  the family name, or null for a literal
 * @param given   the given names, or null for a literal
 * @param literal the whole name when it is not split, else null
 */
record PersonName(String family, String given, String literal) {

    static PersonName of(String displayName) {
        String name = displayName.strip().replaceAll("\\s+", " ");
        int lastSpace = name.lastIndexOf(' ');
        boolean bibtexWouldSplit = name.contains(",") || (" " + name.toLowerCase(Locale.ROOT) + " ").contains(" and ");
        if (lastSpace < 0 || bibtexWouldSplit) {
            return new PersonName(null, null, name);
        }
        return new PersonName(name.substring(lastSpace + 1), name.substring(0, lastSpace), null);
    }
}
