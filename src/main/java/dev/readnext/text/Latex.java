package dev.readnext.text;

import static java.util.Map.entry;

import java.text.Normalizer;
import java.util.Map;

/**
 * The LaTeX that BibTeX fields hold, to and from Unicode text: accents ({@code {\"u}}, {@code \'{e}}, {@code \c c}),
 * special letters ({@code \ss}, {@code \o}), escapes ({@code \&}, {@code \%}), protective braces ({@code {RoPE}}),
 * ties, dashes and quotes, math delimiters and a few math symbols ({@code $\alpha$}). Formatting commands
 * ({@code \emph{x}}) and unknown commands keep their argument's text and lose their name. {@link #escape} is the
 * inverse: {@code toUnicode(escape(s))} is {@code s} with its whitespace collapsed, for any text.
 *
 * <p>Both run in one pass over the text, without recursion, so hostile input costs linear time and no stack.
 */
public final class Latex {

    /** Accent commands and the combining mark each puts on the letter after it. */
    private static final Map<String, Character> ACCENTS = Map.ofEntries(
            entry("'", '\u0301'), entry("`", '\u0300'), entry("^", '\u0302'), entry("\"", '\u0308'),
            entry("~", '\u0303'), entry("=", '\u0304'), entry(".", '\u0307'), entry("u", '\u0306'),
            entry("v", '\u030C'), entry("H", '\u030B'), entry("c", '\u0327'), entry("k", '\u0328'),
            entry("r", '\u030A'), entry("d", '\u0323'), entry("b", '\u0331'), entry("t", '\u0361'));

    /** Commands that stand for text of their own. */
    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            entry("i", "ı"), entry("j", "ȷ"), entry("ss", "ß"), entry("o", "ø"), entry("O", "Ø"), entry("aa", "å"),
            entry("AA", "Å"), entry("ae", "æ"), entry("AE", "Æ"), entry("oe", "œ"), entry("OE", "Œ"),
            entry("l", "ł"), entry("L", "Ł"), entry("&", "&"), entry("%", "%"), entry("$", "$"), entry("#", "#"),
            entry("_", "_"), entry("{", "{"), entry("}", "}"), entry("\\", " "), entry(" ", " "), entry(",", " "),
            entry(";", " "), entry("-", ""), entry("/", ""), entry("textbackslash", "\\"),
            entry("textasciitilde", "~"), entry("textasciicircum", "^"), entry("textbraceleft", "{"),
            entry("textbraceright", "}"), entry("textunderscore", "_"), entry("textendash", "–"),
            entry("textemdash", "—"), entry("ldots", "…"), entry("dots", "…"), entry("LaTeX", "LaTeX"),
            entry("TeX", "TeX"), entry("S", "§"), entry("copyright", "©"),
            entry("alpha", "α"), entry("beta", "β"), entry("gamma", "γ"), entry("delta", "δ"), entry("epsilon", "ε"),
            entry("lambda", "λ"), entry("mu", "μ"), entry("pi", "π"), entry("sigma", "σ"), entry("tau", "τ"),
            entry("theta", "θ"), entry("phi", "φ"), entry("omega", "ω"), entry("infty", "∞"), entry("times", "×"),
            entry("pm", "±"), entry("leq", "≤"), entry("le", "≤"), entry("geq", "≥"), entry("ge", "≥"),
            entry("neq", "≠"), entry("approx", "≈"), entry("to", "→"), entry("rightarrow", "→"), entry("cdot", "·"));

    private Latex() {
    }

    /** Readable Unicode text (NFC, whitespace collapsed) from a field's LaTeX; null stays null. */
    public static String toUnicode(String latex) {
        if (latex == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(latex.length());
        convert(latex, out);
        return TextRepair.collapseWhitespace(Normalizer.normalize(out, Normalizer.Form.NFC));
    }

    /**
     * LaTeX for a field value that reads back ({@link #toUnicode}) as this text: the characters LaTeX or BibTeX treat
     * specially are escaped, braces as commands (BibTeX counts every brace, escaped or not, so {@code \{} alone would
     * unbalance a field), and dash and quote ligatures are broken with {@code {}}. Other characters stay as they are
     * (a .bib file is UTF-8 to biber and to BibTeX 0.99 alike).
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{' -> out.append("\\textbraceleft{}");
                case '}' -> out.append("\\textbraceright{}");
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                case '&', '%', '$', '#', '_' -> out.append('\\').append(c);
                case '-', '`', '\'' -> out.append(c).append(next == c ? "{}" : "");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Appends text; accents waiting for a letter go on its first character. */
    private static void emit(CharSequence text, StringBuilder out, StringBuilder marks) {
        if (marks.isEmpty() || text.isEmpty() || Character.isWhitespace(text.charAt(0))) {
            out.append(text);
            return;
        }
        int first = Character.charCount(Character.codePointAt(text, 0));
        char letter = text.charAt(0);
        // {\"\i} is ï: the dotless i takes the accent as i
        out.append(letter == 'ı' ? "i" : letter == 'ȷ' ? "j" : text.subSequence(0, first)).append(marks)
                .append(text, first, text.length());
        marks.setLength(0);
    }

    private static void convert(String s, StringBuilder out) {
        StringBuilder marks = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> i = command(s, i + 1, out, marks);
                case '{', '}', '$' -> i++;
                case '~' -> {
                    emit(" ", out, marks);
                    i++;
                }
                case '-' -> i = ligature(s, i, out, marks, "---", "—", "--", "–");
                case '`' -> i = ligature(s, i, out, marks, "``", "“", "``", "“");
                case '\'' -> i = ligature(s, i, out, marks, "''", "”", "''", "”");
                default -> {
                    emit(String.valueOf(c), out, marks);
                    i++;
                }
            }
        }
    }

    private static int ligature(String s, int i, StringBuilder out, StringBuilder marks, String longest,
            String longText, String pair, String pairText) {
        if (s.startsWith(longest, i)) {
            emit(longText, out, marks);
            return i + longest.length();
        }
        if (s.startsWith(pair, i)) {
            emit(pairText, out, marks);
            return i + pair.length();
        }
        emit(s.substring(i, i + 1), out, marks);
        return i + 1;
    }

    /**
     * Reads the command starting at {@code i} (just after its backslash); returns where the text goes on. An accent
     * waits in {@code marks} for the next letter, whether it comes bare, in a group or as a command ({@code \"\i}).
     */
    private static int command(String s, int i, StringBuilder out, StringBuilder marks) {
        if (i >= s.length()) {
            return i;
        }
        int end = isLetter(s.charAt(i)) ? endOfLetters(s, i) : i + 1;
        String name = s.substring(i, end);
        boolean word = isLetter(name.charAt(0));
        int after = word ? skipSpaces(s, end) : end; // TeX drops the spaces after a control word
        Character accent = ACCENTS.get(name);
        if (accent != null) {
            marks.append(accent.charValue());
            return skipSpaces(s, end);
        }
        String symbol = SYMBOLS.get(name);
        if (symbol != null) {
            emit(symbol, out, marks);
            // "Gro\\ss e" is "Große", "\\LaTeX{} is" keeps its space
            return s.startsWith("{}", after) ? after + 2 : after;
        }
        return word ? after : end; // emph, url or an unknown command: the text of its argument stays
    }

    private static int endOfLetters(String s, int i) {
        while (i < s.length() && isLetter(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && " \t\n\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
