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

    @Test
    void aLineWithAFewLinksIsOneEntryNamedByTheFirst() {
        ParsedList list = parser.parse("Notes", "- [LoRA](https://arxiv.org/abs/2106.09685)"
                + " [pdf](https://arxiv.org/pdf/2106.09685) [code](https://github.com/microsoft/LoRA)\n");
        assertEquals(List.of("LoRA"), list.entries().stream().map(e -> e.resource().title()).toList());
        assertEquals(List.of(), list.warnings());
    }

    @Test
    void aLineWithManyLinksIsOneEntryPerLinkWithAWarning() {
        StringBuilder line = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            line.append("[Paper ").append(i).append("](https://example.org/").append(i).append("), ");
        }
        ParsedList list = parser.parse("Flattened", "# Flattened\n" + line + "\n");
        assertEquals(List.of("Paper 1", "Paper 2", "Paper 3", "Paper 4", "Paper 5"),
                list.entries().stream().map(e -> e.resource().title()).toList());
        assertEquals(List.of(2, 2, 2, 2, 2), list.entries().stream().map(ParsedEntry::line).toList());
        assertEquals(List.of(new ParseWarning(2, "This line holds 5 links: read as one entry each")), list.warnings());
    }
}
