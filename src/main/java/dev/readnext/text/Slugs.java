package dev.readnext.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** URL-safe identifiers: lowercase ASCII words joined by "-" ("LLMs_Reading_List" → "llms-reading-list"). */
public final class Slugs {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /** The slug of a name, or "" when the name has no ASCII letter or digit. */
    public static String slugify(String name) {
        String ascii = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        String slug = NON_ALPHANUMERIC.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        return slug.replaceAll("^-+|-+$", "");
    }

    /**
     * A slug for the name that is not taken yet: the name's slug cut at a word boundary to at most
     * {@code maxLength} characters (or {@code fallback} when the name has none), with "-2", "-3"… when taken.
     */
    public static String unique(String name, int maxLength, String fallback, Predicate<String> taken) {
        String base = slugify(name);
        if (base.length() > maxLength) {
            int cut = base.lastIndexOf('-', maxLength);
            base = base.substring(0, cut > maxLength / 3 ? cut : maxLength);
        }
        if (base.isEmpty()) {
            base = fallback;
        }
        String slug = base;
        for (int n = 2; taken.test(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
