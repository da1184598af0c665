package dev.readnext.text;

import java.text.Normalizer;

/**
 * Character-level normalisation applied before tokenising.
 * <ul>
 *   <li>Unicode NFKC (full-width letters, ligatures such as "ﬁ", superscripts; it also maps U+2011 to U+2010);</li>
 *   <li>hyphen variants U+2010 (hyphen), U+2011 (non-breaking hyphen), U+2012 (figure dash) become "-";
 *       U+2013 (en dash) and U+2212 (minus) become "-" only between two letters or digits ("encoder–decoder"),
 *       elsewhere they stay punctuation ("results – and");</li>
 *   <li>U+00D7 "×" between two letters or digits becomes "x", so "8×7B" and "8x7B" are the same model name;</li>
 *   <li>soft hyphens U+00AD are removed.</li>
 * </ul>
 * Lengths may change, so offsets of tokens refer to the normalised text.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        if (isAscii(text)) {
            return text;
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            switch (c) {
                case '\u00AD' -> { }
                case '\u2010', '\u2011', '\u2012' -> out.append('-');
                case '\u2013', '\u2212' -> out.append(betweenWordChars(nfkc, i) ? '-' : c);
                case '\u00D7' -> out.append(betweenWordChars(nfkc, i) ? 'x' : c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** ASCII is NFKC-invariant and has none of the characters folded here. */
    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean betweenWordChars(String text, int i) {
        return i > 0 && i + 1 < text.length()
                && Character.isLetterOrDigit(text.charAt(i - 1))
                && Character.isLetterOrDigit(text.charAt(i + 1));
    }
}
