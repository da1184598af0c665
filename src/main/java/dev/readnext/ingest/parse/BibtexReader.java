package dev.readnext.ingest.parse;

import static java.util.Map.entry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the structure of a BibTeX file, as BibTeX itself does: entries {@code @type{key, field = value, …}} (or
 * with parentheses), values in braces, quotes or bare numbers, {@code @string} macros and the month names, {@code #}
 * concatenation, and text outside entries ignored as a comment ({@code @comment} and {@code @preamble} skipped). Field
 * names, types and macro names are case-insensitive (kept lower-case); values stay LaTeX, braces inside them kept.
 *
 * <p>Malformed structure (an unclosed brace or entry, a missing {@code =} or comma) is an
 * {@link IllegalArgumentException} naming the line and column, never a partial result; an undefined macro and a field
 * given twice are warnings. One pass, no recursion: the cost is linear in the text.
 */
final class BibtexReader {

    /** One entry: its type and key as written, fields by lower-case name in order, the line of its {@code @}. */
    record Entry(String type, String key, Map<String, String> fields, int line) {
    }

    record Result(List<Entry> entries, List<ParseWarning> warnings) {
    }

    private static final Map<String, String> MONTHS = Map.ofEntries(entry("jan", "January"),
            entry("feb", "February"), entry("mar", "March"), entry("apr", "April"), entry("may", "May"),
            entry("jun", "June"), entry("jul", "July"), entry("aug", "August"), entry("sep", "September"),
            entry("oct", "October"), entry("nov", "November"), entry("dec", "December"));

    private final String s;
    private final int[] lineStarts;
    private final Map<String, String> macros = new HashMap<>(MONTHS);
    private final List<Entry> entries = new ArrayList<>();
    private final List<ParseWarning> warnings = new ArrayList<>();
    private int pos;

    private BibtexReader(String content) {
        this.s = content;
        this.lineStarts = lineStarts(content);
    }

    /** @throws IllegalArgumentException for malformed structure, with the line and column */
    static Result read(String content) {
        BibtexReader reader = new BibtexReader(content);
        reader.readAll();
        return new Result(List.copyOf(reader.entries), List.copyOf(reader.warnings));
    }

    private void readAll() {
        for (int at = s.indexOf('@'); at >= 0; at = s.indexOf('@', pos)) {
            pos = at + 1;
            skipSpace();
            String type = name();
            skipSpace();
            if (type.isEmpty() || pos >= s.length() || s.charAt(pos) != '{' && s.charAt(pos) != '(') {
                continue; // an "@" in comment text, e.g. an e-mail address
            }
            char close = s.charAt(pos) == '{' ? '}' : ')';
            pos++;
            switch (type.toLowerCase(Locale.ROOT)) {
                case "comment" -> skipComment(at, close);
                case "preamble" -> {
                    value();
                    expect(close, "to close the @preamble");
                }
                case "string" -> macro(close);
                default -> readEntry(type, close, line(at));
            }
        }
    }

    private void macro(char close) {
        skipSpace();
        String macro = name().toLowerCase(Locale.ROOT);
        if (macro.isEmpty()) {
            throw error("expected a macro name after @string");
        }
        expect('=', "after the macro name '" + macro + "'");
        macros.put(macro, value());
        expect(close, "to close the @string");
    }

    private void readEntry(String type, char close, int line) {
        skipSpace();
        int keyStart = pos;
        while (pos < s.length() && !isKeyEnd(s.charAt(pos), close)) {
            pos++;
        }
        String key = s.substring(keyStart, pos);
        Map<String, String> fields = new LinkedHashMap<>();
        skipSpace();
        if (pos < s.length() && s.charAt(pos) != close) {
            expect(',', "after the key of the @" + type + " entry '" + key + "'");
        }
        while (true) {
            skipSpace();
            requireMore(key, close, line);
            if (s.charAt(pos) == close) {
                pos++;
                break;
            }
            int fieldLine = line(pos);
            String field = name().toLowerCase(Locale.ROOT);
            if (field.isEmpty()) {
                throw error("expected a field name or '" + close + "' in the entry '" + key + "'");
            }
            expect('=', "after the field name '" + field + "' in the entry '" + key + "'");
            String value = value();
            if (fields.putIfAbsent(field, value) != null) {
                warnings.add(new ParseWarning(fieldLine, "The field '" + field + "' is given twice in the entry '"
                        + key + "': the first is kept"));
            }
            skipSpace();
            requireMore(key, close, line);
            if (s.charAt(pos) == ',') {
                pos++;
            } else if (s.charAt(pos) != close) {
                throw error("expected ',' or '" + close + "' after the field '" + field + "' in the entry '" + key
                        + "'");
            }
        }
        entries.add(new Entry(type, key, fields, line));
    }

    private void requireMore(String key, char close, int line) {
        if (pos >= s.length()) {
            throw error("the entry '" + key + "' starting at line " + line + " is not closed: '" + close
                    + "' missing");
        }
    }

    /** A value: pieces joined by {@code #}, each a braced or quoted string, a number or a macro. */
    private String value() {
        StringBuilder value = new StringBuilder();
        while (true) {
            skipSpace();
            if (pos >= s.length()) {
                throw error("expected a value, found the end of the text");
            }
            char c = s.charAt(pos);
            if (c == '{') {
                value.append(delimited('}'));
            } else if (c == '"') {
                value.append(delimited('"'));
            } else if (Character.isDigit(c)) {
                int start = pos;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
                value.append(s, start, pos);
            } else {
                int line = line(pos);
                String macro = name().toLowerCase(Locale.ROOT);
                if (macro.isEmpty()) {
                    throw error("expected a value in braces, in quotes, a number or a macro name");
                }
                String text = macros.get(macro);
                if (text == null) {
                    warnings.add(new ParseWarning(line, "The macro '" + macro + "' is not defined (no @string): read"
                            + " as empty"));
                }
                value.append(text == null ? "" : text);
            }
            skipSpace();
            if (pos >= s.length() || s.charAt(pos) != '#') {
                return value.toString();
            }
            pos++;
        }
    }

    /** The text between the opening character at {@code pos} and its closing one, inner braces balanced. */
    private String delimited(char close) {
        int open = pos;
        int depth = 0;
        for (pos = open + 1; pos < s.length(); pos++) {
            char c = s.charAt(pos);
            if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (c == close && depth == 0) {
                pos++;
                return s.substring(open + 1, pos - 1);
            } else if (c == '}') {
                throw error("a '}' closes more braces than were opened in the value starting at line " + line(open));
            }
        }
        pos = open;
        throw error("the value is not closed: a '" + s.charAt(open) + "' without its '" + close + "'"
                + (depth > 0 ? " (or a '{' inside it without its '}')" : ""));
    }

    private void skipComment(int at, char close) {
        int depth = 0;
        for (; pos < s.length(); pos++) {
            char c = s.charAt(pos);
            if (c == close && depth == 0) {
                pos++;
                return;
            }
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        }
        pos = at;
        throw error("the @comment is not closed");
    }

    /** An identifier: a type, field or macro name (letters, digits and {@code _-:.+/}, not starting with a digit). */
    private String name() {
        int start = pos;
        while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || "_-:.+/".indexOf(s.charAt(pos)) >= 0)
                && !(pos == start && Character.isDigit(s.charAt(pos)))) {
            pos++;
        }
        return s.substring(start, pos);
    }

    private void expect(char c, String context) {
        skipSpace();
        if (pos >= s.length() || s.charAt(pos) != c) {
            throw error("expected '" + c + "' " + context);
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isKeyEnd(char c, char close) {
        return c == ',' || c == close || Character.isWhitespace(c) || c == '=' || c == '{' || c == '}' || c == '"';
    }

    private IllegalArgumentException error(String message) {
        int line = line(pos);
        int column = pos - lineStarts[line - 1] + 1;
        String found = pos < s.length() ? " (found '" + s.substring(pos, Math.min(s.length(), pos + 20))
                .lines().findFirst().orElse("") + "')" : "";
        return new IllegalArgumentException("BibTeX syntax error at line " + line + ", column " + column + ": "
                + message + found + "; nothing was imported");
    }

    /** The 1-based line of a position. */
    private int line(int position) {
        int found = Arrays.binarySearch(lineStarts, position);
        return found >= 0 ? found + 1 : -found - 1;
    }

    private static int[] lineStarts(String content) {
        int[] starts = new int[16];
        int lines = 1;
        for (int i = 0; i < content.length(); i++) {
            if (content.charAt(i) == '\n') {
                if (lines == starts.length) {
                    starts = Arrays.copyOf(starts, lines * 2);
                }
                starts[lines++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, lines);
    }
}
