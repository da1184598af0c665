package dev.readnext.ingest.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.readnext.list.ListFormat;

class ReadingListParsersTest {

    @ParameterizedTest
    @CsvSource({
        Seeds.HEADING_LINKS + ", HEADING_LINKS, 23",
        Seeds.COURSE + ", COURSE_SCHEDULE, 70",
        Seeds.AWESOME + ", AWESOME_LIST, 108",
        Seeds.CHECKLIST + ", CHECKLIST, 86",
    })
    void detectsEachSeedsFormat(String seed, ListFormat format, int entries) {
        ParsedList list = ReadingListParsers.parse(seed, Seeds.read(seed));
        assertEquals(format, list.format());
        assertEquals(entries, list.entries().size());
    }

    @Test
    void plainMarkdownLinkListFallsBackToMarkdownLinks() {
        ParsedList list = ReadingListParsers.parse("Weekend reading", """
                - [The Illustrated Transformer](https://jalammar.github.io/illustrated-transformer/)
                - [Attention Is All You Need](https://arxiv.org/abs/1706.03762)
                """);
        assertEquals(ListFormat.MARKDOWN_LINKS, list.format());
        assertEquals("weekend-reading", list.slug());
        assertEquals(2, list.entries().size());
    }

    @Test
    void parsesUtf8BytesLikeText() {
        byte[] bytes = Seeds.read(Seeds.CHECKLIST).getBytes(StandardCharsets.UTF_8);
        assertEquals(86, ReadingListParsers.parse("dump", bytes).entries().size());
    }

    @Test
    void rejectsBinaryContent() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ReadingListParsers.parse("blob", "PK\u0003\u0004\u0000\u0000[a](https://x.org)"));
        assertTrue(error.getMessage().contains("binary"), error.getMessage());
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] latin1 = "- [Café](https://example.org)".getBytes(StandardCharsets.ISO_8859_1);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ReadingListParsers.parse("latin1", latin1));
        assertTrue(error.getMessage().contains("UTF-8"), error.getMessage());
    }

    @Test
    void rejectsControlCharacterGarbage() {
        String garbage = "\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008 [a](https://x.org)";
        assertThrows(IllegalArgumentException.class, () -> ReadingListParsers.parse("junk", garbage));
    }

    @Test
    void rejectsTextWithoutAnyEntry() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ReadingListParsers.parse("prose", "# Thoughts\n\nJust some words, no links at all.\n"));
        assertTrue(error.getMessage().startsWith("No reading-list entries recognised"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReadingListParsers.parse("empty", "  \n"));
    }

    @Test
    void rejectsAListWithNeitherTitleNorName() {
        assertThrows(IllegalArgumentException.class,
                () -> ReadingListParsers.parse(" ", "- [a](https://example.org/a)"));
    }
}
