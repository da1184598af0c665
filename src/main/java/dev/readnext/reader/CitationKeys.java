package dev.readnext.reader;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.readnext.paper.Paper;

/**
 * Citation keys in the style Google Scholar and Zotero use: the first author's family name, the year and the title's
 * first significant word, in ASCII lower case ("vaswani2017attention"); a part that is unknown is left out, and a paper
 * with none of them is "paper" and its database id. Unique within one export: a repeated key takes "b", "c", … (then
 * numbers), in the order of the papers given, so an export of the same papers gives the same keys.
 */
final class CitationKeys {

    private static final Set<String> INSIGNIFICANT = Set.of("a", "an", "the", "on", "of", "in", "for", "to", "and",
            "with", "towards", "toward", "is", "are", "do", "does", "how", "what", "why", "when", "via", "from", "by");

    private CitationKeys() {
    }

    /** One key per paper, aligned with the papers. */
    static List<String> of(List<Paper> papers) {
        Set<String> taken = new HashSet<>();
        List<String> keys = new ArrayList<>(papers.size());
        for (Paper paper : papers) {
            String base = base(paper);
            String key = base;
            for (int n = 1; !taken.add(key); n++) {
                key = base + (n < 26 ? String.valueOf((char) ('a' + n)) : String.valueOf(n));
            }
            keys.add(key);
        }
        return keys;
    }

    private static String base(Paper paper) {
        String author = paper.authors.isEmpty() ? "" : ascii(lastWord(paper.authors.get(0)));
        String year = paper.year == null ? "" : String.valueOf(paper.year);
        String word = "";
        for (String candidate : paper.title.split("[^\\p{L}\\p{N}]+")) {
            String ascii = ascii(candidate);
            if (!ascii.isEmpty() && !INSIGNIFICANT.contains(ascii)) {
                word = ascii;
                break;
            }
        }
        String key = author + year + word;
        return key.isEmpty() || Character.isDigit(key.charAt(0)) && author.isEmpty() && word.isEmpty()
                ? "paper" + paper.id : key;
    }

    private static String lastWord(String name) {
        PersonName parts = PersonName.of(name);
        return parts.family() != null ? parts.family() : parts.literal();
    }

    /** Lower-case ASCII letters and digits only: accents dropped ("Müller" → "muller"), the rest removed. */
    private static String ascii(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
