package dev.readnext.ingest.arxiv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class ArxivLineParserTest {

    private final ArxivLineParser parser = new ArxivLineParser();

    @Test
    void readsTheCorpusFormat() throws MalformedLineException {
        ArxivPaper paper = parser.parse(7, """
                {"id": "2503.11742", "title": "Safe Vision-Language  Models\\nvia Unsafe Weights", "abstract": " Vision. ",
                 "primary_category": "cs.CV", "arxiv_categories": ["cs.AI", "cs.CV"], "categories": ["cs.CV", "I.2.7"],
                 "authors": ["Moreno D'Incà", "Elia Peruzzo"], "comment": null}""".replace("\n", ""));
        assertEquals(7, paper.line());
        assertEquals("2503.11742", paper.arxivId());
        assertEquals("Safe Vision-Language Models via Unsafe Weights", paper.title());
        assertEquals("safe-vision-language-models-via-unsafe-weights", paper.slug());
        assertEquals("Vision.", paper.abstractText());
        assertEquals(List.of("Moreno D'Incà", "Elia Peruzzo"), paper.authors());
        assertEquals(2025, paper.year());
        assertEquals("https://arxiv.org/abs/2503.11742", paper.url());
        assertEquals(List.of("cs.CV", "cs.AI"), paper.categories());
    }

    @Test
    void readsArxivsOwnDumpFormat() throws MalformedLineException {
        ArxivPaper paper = parser.parse(1, """
                {"id": "hep-th/9901001v2", "title": "Branes", "authors": "A. One, B. Two and C. Three",
                 "categories": "hep-th math.AG 81T30"}""".replace("\n", ""));
        assertEquals("hep-th/9901001", paper.arxivId());
        assertEquals(1999, paper.year());
        assertEquals(List.of("A. One", "B. Two", "C. Three"), paper.authors());
        assertEquals(List.of("hep-th", "math.AG"), paper.categories());
    }

    @Test
    void refusesWhatThePaperTableWouldRefuse() {
        assertReason("not valid JSON", "{\"id\": \"2503.11742\", \"title\": ");
        assertReason("not valid JSON", "{\"id\": \"2503.11742\", \"title\": \"x\"} trailing");
        assertReason("not a JSON object", "[1, 2]");
        assertReason("missing id", "{\"title\": \"x\"}");
        assertReason("id is not a string", "{\"id\": 2503.1174, \"title\": \"x\"}");
        assertReason("invalid arXiv id: 12345", "{\"id\": \"12345\", \"title\": \"x\"}");
        assertReason("missing title", "{\"id\": \"2503.11742\", \"title\": \"  \"}");
        assertReason("title longer than 500 characters (501)",
                "{\"id\": \"2503.11742\", \"title\": \"" + "x".repeat(501) + "\"}");
        assertReason("abstract longer than 20000 characters (20001)",
                "{\"id\": \"2503.11742\", \"title\": \"x\", \"abstract\": \"" + "x".repeat(20_001) + "\"}");
        assertReason("authors is not a list of names", "{\"id\": \"2503.11742\", \"title\": \"x\", \"authors\": [1]}");
    }

    private void assertReason(String reason, String line) {
        MalformedLineException e = assertThrows(MalformedLineException.class, () -> parser.parse(1, line));
        assertEquals(reason, e.getMessage().startsWith("not valid JSON") ? "not valid JSON" : e.getMessage(), line);
    }
}
