package dev.readnext.ingest.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.readnext.paper.ResourceKind;

class MarkdownLinksParserTest {

    private static final String NOTES = """
            Some papers I liked, in no order.

            * [Attention Is All You Need](https://arxiv.org/abs/1706.03762v7) - classic
            ## Systems
            ### Serving
            1. see [vLLM](https://github.com/vllm-project/vllm) for code
            - [x] [FlashAttention-2](https://arxiv.org/pdf/2307.08691.pdf)
            A line of prose without a link.
            """;

    private final MarkdownLinksParser parser = new MarkdownLinksParser();

    @Test
    void oneEntryPerLinkLineWithSectionsFromHeadings() {
        ParsedList list = parser.parse("My notes", NOTES);
        assertEquals(List.of("Attention Is All You Need", "vLLM", "FlashAttention-2"),
                list.entries().stream().map(e -> e.resource().title()).toList());
        assertNull(list.entries().get(0).section());
        assertEquals("Systems / Serving", list.entries().get(1).section());
        assertEquals(List.of("Systems", "Serving"), list.entries().get(1).topicPath());
        assertEquals(ResourceKind.REPO, list.entries().get(1).resource().kind());
    }

    @Test
    void checkboxesGiveReadStatusWhenPresent() {
        ParsedList list = parser.parse("My notes", NOTES);
        assertFalse(list.entries().get(0).read());
        assertTrue(list.entries().get(2).read());
        assertEquals("2307.08691", list.entries().get(2).resource().arxivId());
    }

    @Test
    void usesTheGivenNameWithoutATitleHeadingAndWarnsAboutLinklessLines() {
        ParsedList list = parser.parse("My_Notes 2025", NOTES);
        assertEquals("My_Notes 2025", list.name());
        assertEquals("my-notes-2025", list.slug());
        assertEquals(List.of(new ParseWarning(8, "No link on this line; skipped: A line of prose without a link.")),
                list.warnings());
    }

    @Test
    void acceptsAnyMarkdownWithHttpLinksOnly() {
        assertTrue(parser.accepts("see [x](https://example.org)"));
        assertFalse(parser.accepts("see [x](#anchor) and https://example.org"));
    }
}
