package dev.readnext.ingest.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Entry point: detects a document's format and parses it.
 *
 * <p>Detection asks the parsers in a fixed priority, most specific signature first: BibTeX (a line starting
 * "@article{" or another entry type), course schedule (dated
 * sessions), awesome list (`arXiv, id` tags / star badges), checklist (mostly checkbox links), heading links
 * ("# Title: URL"), then the markdown-links fallback.
 *
 * <p>Content that is not text, or in which no parser finds a single entry, is rejected with an
 * {@link IllegalArgumentException} whose message says why (an import of nothing is a user error, not an
 * empty list).
 */
public final class ReadingListParsers {

    private static final List<ReadingListParser> BY_PRIORITY = List.of(
            new BibtexParser(),
            new CourseScheduleParser(),
            new AwesomeListParser(),
            new ChecklistParser(),
            new HeadingLinksParser(),
            new MarkdownLinksParser());
    /** Beyond this share of control characters the "text" is binary or garbled. */
    private static final double MAX_CONTROL_CHAR_SHARE = 0.01;

    private ReadingListParsers() {
    }

    /** Parses UTF-8 bytes (e.g. a seed file); invalid UTF-8 is rejected. */
    public static ParsedList parse(String name, byte[] utf8Content) {
        try {
            String content = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8Content)).toString();
            return parse(name, content);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("The reading list is not valid UTF-8 text", e);
        }
    }

    /**
     * @throws IllegalArgumentException for binary or garbled content, content without any recognisable entry,
     *                                  or a list with neither a title nor a {@code name}
     */
    public static ParsedList parse(String name, String content) {
        ReadingListParser parser = detect(content)
                .orElseThrow(() -> new IllegalArgumentException(
                        "No reading-list entries recognised: expected markdown links [title](https://…), "
                                + "headings '# Title: https://…', an awesome list, a dated course schedule or BibTeX"
                                + " entries @article{key, title = {…}, …}"));
        ParsedList parsed = parser.parse(name, content);
        if (parsed.entries().isEmpty()) {
            throw new IllegalArgumentException("No reading-list entries found in the " + parser.format() + " list");
        }
        return parsed;
    }

    /** The parser for this content, or empty when no format's signature is present. */
    public static Optional<ReadingListParser> detect(String content) {
        requireText(content);
        return BY_PRIORITY.stream().filter(parser -> parser.accepts(content)).findFirst();
    }


    private static void requireText(String content) {
        if (content == null || content.isBlank()) {
            throw new IllegalArgumentException("The reading list is empty");
        }
        if (content.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("The reading list is binary, not text (it contains NUL bytes)");
        }
        if (content.indexOf('\uFFFD') >= 0) {
            throw new IllegalArgumentException(
                    "The reading list is not valid text (it contains U+FFFD replacement characters from a bad decoding)");
        }
        long controls = content.chars().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t').count();
        if (controls > MAX_CONTROL_CHAR_SHARE * content.length()) {
            throw new IllegalArgumentException("The reading list is binary, not text (" + controls + " control characters)");
        }
    }
}
