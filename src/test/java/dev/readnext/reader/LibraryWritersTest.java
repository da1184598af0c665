package dev.readnext.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.readnext.ingest.parse.BibtexParser;
import dev.readnext.ingest.parse.ParsedEntry;
import dev.readnext.ingest.parse.ParsedResource;
import dev.readnext.paper.Paper;
import dev.readnext.paper.ResourceKind;

/** BibTeX and CSL-JSON of papers built in memory; BibTeX read back with the BIBTEX list parser. */
class LibraryWritersTest {

    private final Paper attention = paper(1, "Attention Is All You Need", "1706.03762", 2017, ResourceKind.PAPER,
            "https://arxiv.org/abs/1706.03762", "Ashish Vaswani", "Noam Shazeer");
    private final Paper nasty = paper(2, "Q&A: 50% of $5 -- {RoPE} ~ ^ \\ #1_x ``Don't''", null, 2020,
            ResourceKind.BLOG, "https://example.org/a_b%20c?x={y}", "Jörg Müller", "OpenAI", "Barnes and Noble",
            "Smith, Jr.");
    private final Paper bare = paper(3, "The Illustrated Transformer", null, null, ResourceKind.OTHER, null);
    private final Paper doi = paper(4, "On Attention", null, 2017, ResourceKind.PAPER,
            "https://doi.org/10.18653/v1/2020.acl-main.1", "Ashish Vaswani");

    @Test
    void citationKeysAreAuthorYearWordAndUniqueInOrder() {
        Paper twin = paper(5, "Attention Is All You Need, Again", null, 2017, ResourceKind.PAPER, null, "A. Vaswani");
        Paper third = paper(6, "Attention!", null, 2017, ResourceKind.PAPER, null, "Vaswani");
        assertEquals(List.of("vaswani2017attention", "muller2020q", "illustrated", "vaswani2017attentionb",
                "vaswani2017attentionc", "vaswani2017attentiond"),
                CitationKeys.of(List.of(attention, nasty, bare, doi, twin, third)));
        assertEquals(List.of("paper7"), CitationKeys.of(List.of(paper(7, "…", null, null, ResourceKind.OTHER, null))));
    }

    @Test
    void bibtexHasOneMiscEntryPerPaperWithArxivFields() {
        String bib = bibtex(attention, bare);
        assertEquals("""
                @misc{vaswani2017attention,
                  title = {{Attention Is All You Need}},
                  author = {Vaswani, Ashish and Shazeer, Noam},
                  year = {2017},
                  eprint = {1706.03762},
                  archivePrefix = {arXiv},
                  doi = {10.48550/arXiv.1706.03762},
                  url = {https://arxiv.org/abs/1706.03762},
                }

                @misc{illustrated,
                  title = {{The Illustrated Transformer}},
                }

                """, bib);
    }

    @Test
    void bibtexReadsBackToTheSameTitlesAuthorsYearsLinksAndArxivIds() {
        List<Paper> papers = List.of(attention, nasty, bare, doi);
        List<ParsedResource> read = new BibtexParser().parse("x", bibtex(papers.toArray(Paper[]::new))).entries()
                .stream().map(ParsedEntry::resource).toList();
        assertEquals(papers.stream().map(p -> p.title).toList(), read.stream().map(ParsedResource::title).toList());
        assertEquals(papers.stream().map(p -> p.authors).toList(), read.stream().map(ParsedResource::authors).toList());
        assertEquals(papers.stream().map(p -> p.year).toList(), read.stream().map(ParsedResource::year).toList());
        assertEquals(papers.stream().map(p -> p.arxivId).toList(), read.stream().map(ParsedResource::arxivId).toList());
        assertEquals(Arrays.asList("https://arxiv.org/abs/1706.03762", "https://example.org/a_b%20c?x=%7By%7D", null,
                "https://doi.org/10.18653/v1/2020.acl-main.1"), read.stream().map(ParsedResource::url).toList());
    }

    @Test
    void bibtexOfADoiLinkNamesTheDoi() {
        assertTrue(bibtex(doi).contains("  doi = {10.18653/v1/2020.acl-main.1},\n"), bibtex(doi));
        assertFalse(bibtex(nasty).contains("doi"));
    }

    @Test
    void cslJsonItemsHoldTheRequiredFields() throws Exception {
        JsonNode items = new ObjectMapper().readTree(CslJsonWriter.write(List.of(attention, nasty, bare),
                CitationKeys.of(List.of(attention, nasty, bare))));
        assertEquals(3, items.size());
        JsonNode first = items.get(0);
        assertEquals("vaswani2017attention", first.get("id").asText());
        assertEquals("article", first.get("type").asText());
        assertEquals("Attention Is All You Need", first.get("title").asText());
        assertEquals("Vaswani", first.at("/author/0/family").asText());
        assertEquals("Ashish", first.at("/author/0/given").asText());
        assertEquals(2017, first.at("/issued/date-parts/0/0").asInt());
        assertEquals("https://arxiv.org/abs/1706.03762", first.get("URL").asText());
        assertEquals("10.48550/arXiv.1706.03762", first.get("DOI").asText());
        assertEquals("arXiv:1706.03762", first.get("number").asText());
        JsonNode second = items.get(1);
        assertEquals(nasty.title, second.get("title").asText());
        assertEquals("post-weblog", second.get("type").asText());
        assertEquals(List.of("Müller", "OpenAI", "Barnes and Noble", "Smith, Jr."), List.of(
                second.at("/author/0/family").asText(), second.at("/author/1/literal").asText(),
                second.at("/author/2/literal").asText(), second.at("/author/3/literal").asText()));
        assertFalse(second.has("number"));
        JsonNode third = items.get(2);
        assertEquals("webpage", third.get("type").asText());
        assertFalse(third.has("author") || third.has("issued") || third.has("URL") || third.has("DOI"));
    }

    private static String bibtex(Paper... papers) {
        return BibtexWriter.write(List.of(papers), CitationKeys.of(List.of(papers)));
    }

    private static Paper paper(long id, String title, String arxivId, Integer year, ResourceKind kind, String url,
            String... authors) {
        Paper paper = new Paper();
        paper.id = id;
        paper.title = title;
        paper.arxivId = arxivId;
        paper.year = year;
        paper.kind = kind;
        paper.url = url;
        paper.authors = new ArrayList<>(List.of(authors));
        return paper;
    }
}
