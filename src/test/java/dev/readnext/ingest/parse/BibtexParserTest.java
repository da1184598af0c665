package dev.readnext.ingest.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.readnext.list.ListFormat;
import dev.readnext.paper.ResourceKind;

class BibtexParserTest {

    /** As Zotero, Google Scholar and arXiv write them. */
    private static final String LIBRARY = """
            % Exported by Zotero; text outside entries is a comment, as to BibTeX
            @String{ acl = "Association for " # {Computational} # " Linguistics" }
            @comment{ JabRef-meta: databaseType:bibtex; {nested} }
            @preamble{ "\\newcommand{\\noop}[1]{}" }

            @misc{vaswani2017attention,
              title = {Attention Is All You Need},
              author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and others},
              year = {2017},
              eprint = {1706.03762},
              archivePrefix = {arXiv},
              primaryClass = {cs.CL},
              url = {https://arxiv.org/abs/1706.03762v7},
            }

            @ARTICLE{su2021roformer,
              TITLE = "{RoFormer}: Enhanced Transformer with Rotary Position Embedding",
              Author = "Su, Jianlin and Lu, Yu",
              journal = {arXiv preprint arXiv:2104.09864},
              year = 2021,
              abstract = {Position encoding in {T}ransformer\\ldots{} we investigate \\emph{RoPE}.}
            }

            @InProceedings(mueller2020,
              title = {M{\\"u}ller's {\\&} Na\\"{\\i}ve Study of {BERT}},
              author = {M{\\"u}ller, J{\\"o}rg and {OpenAI Team} and de la Cruz, Jr., Juan},
              booktitle = acl # " 2020",
              month = jan,
              doi = {10.18653/v1/2020.acl-main.1}
            )

            Some notes between entries, even with an e-mail me@example.org in them.

            @online{flashattn2,
              title = {FlashAttention-2},
              date = {2023-07-17},
              url = {https://arxiv.org/pdf/2307.08691.pdf},
            }
            """;

    private final BibtexParser parser = new BibtexParser();

    @Test
    void readsEveryEntryTypeAndSkipsCommentsPreamblesAndStrings() {
        ParsedList list = parser.parse("My library", LIBRARY);
        assertEquals(ListFormat.BIBTEX, list.format());
        assertEquals("my-library", list.slug());
        assertEquals(List.of("Attention Is All You Need",
                "RoFormer: Enhanced Transformer with Rotary Position Embedding", "Müller's & Naïve Study of BERT",
                "FlashAttention-2"),
                list.entries().stream().map(e -> e.resource().title()).toList());
        assertEquals(List.of(6, 16, 24, 34), list.entries().stream().map(ParsedEntry::line).toList());
        assertEquals(List.of(), list.warnings());
    }

    @Test
    void arxivIdsComeFromEprintJournalOrUrl() {
        List<ParsedResource> r = resources(LIBRARY);
        assertEquals("1706.03762", r.get(0).arxivId());
        assertEquals("https://arxiv.org/abs/1706.03762", r.get(0).url());
        assertEquals("2104.09864", r.get(1).arxivId());
        assertEquals("https://arxiv.org/abs/2104.09864", r.get(1).url());
        assertNull(r.get(2).arxivId());
        assertEquals("2307.08691", r.get(3).arxivId());
        assertEquals(ResourceKind.PAPER, r.get(3).kind());
    }

    @Test
    void authorsBecomeFirstLastWithBracedNamesKeptWholeAndOthersDropped() {
        List<ParsedResource> r = resources(LIBRARY);
        assertEquals(List.of("Ashish Vaswani", "Noam Shazeer", "Niki Parmar"), r.get(0).authors());
        assertEquals(List.of("Jörg Müller", "OpenAI Team", "Juan de la Cruz Jr."), r.get(2).authors());
        assertEquals(List.of(), r.get(3).authors());
    }

    @Test
    void yearsComeFromYearOrDateAndAbstractsAreDecoded() {
        List<ParsedResource> r = resources(LIBRARY);
        assertEquals(List.of(2017, 2021, 2023), List.of(r.get(0).year(), r.get(1).year(), r.get(3).year()));
        assertNull(r.get(2).year());
        assertEquals("Position encoding in Transformer… we investigate RoPE.", r.get(1).abstractText());
        assertNull(r.get(0).abstractText());
    }

    @Test
    void aDoiIsTheLinkWhenThereIsNoUrlAndAnArxivDoiIsAnArxivId() {
        List<ParsedResource> r = resources(LIBRARY);
        assertEquals("https://doi.org/10.18653/v1/2020.acl-main.1", r.get(2).url());
        assertEquals(ResourceKind.PAPER, r.get(2).kind());
        ParsedResource arxivDoi = resources("@misc{k, title = {GQA}, doi = {10.48550/arXiv.2305.13245}}").get(0);
        assertEquals("2305.13245", arxivDoi.arxivId());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "eprint = {2104.09864v2} | 2104.09864",
        "eprint = {arXiv:2104.09864}, archivePrefix = {arXiv} | 2104.09864",
        "eprint = {2104.09864}, eprinttype = {arxiv} | 2104.09864",
        "arxiv = {2104.09864} | 2104.09864",
        "arxivid = {hep-th/9901001} | hep-th/9901001",
        "note = {arXiv:2104.09864 [cs.CL]} | 2104.09864",
        "url = {https://huggingface.co/papers/2104.09864} | 2104.09864",
    })
    void findsTheArxivIdWhereverBibtexToolsPutIt(String fields, String arxivId) {
        assertEquals(arxivId, resources("@misc{k, title = {T}, " + fields + "}").get(0).arxivId());
    }

    @Test
    void anEprintOfAnotherArchiveIsNoArxivId() {
        ParsedList list = parser.parse("x", "@article{k, title = {T}, eprint = {12345678}, archivePrefix = {PubMed}}");
        assertNull(list.entries().get(0).resource().arxivId());
        assertEquals(List.of(), list.warnings());
    }

    @Test
    void anEprintThatIsNoArxivIdIsAWarning() {
        ParsedList list = parser.parse("x", "@article{k, title = {T}, eprint = {not-an-id}}");
        assertNull(list.entries().get(0).resource().arxivId());
        assertEquals(List.of(new ParseWarning(1, "'not-an-id' in the entry 'k' is not an arXiv id: ignored")),
                list.warnings());
    }

    @Test
    void urlsKeepTheirCharactersAndLoseOnlyLatexEscapes() {
        assertEquals("https://example.org/a_b%20c~d#frag", resources(
                "@misc{k, title = {T}, url = {https://example.org/a\\_b\\%20c~d\\#frag}}").get(0).url());
        assertEquals("https://blog.example.org/post", resources(
                "@misc{k, title = {T}, howpublished = {\\url{https://blog.example.org/post}}}").get(0).url());
    }

    @Test
    void quotedValuesHoldBracedQuotesAndConcatenationJoinsPieces() {
        ParsedResource r = resources("@string{p = {Part }}\n@misc{k, title = p # \"one {\"}quoted{\"} \" # {Two}}")
                .get(0);
        assertEquals("Part one \"quoted\" Two", r.title());
    }

    @Test
    void macroNamesAndFieldNamesIgnoreCase() {
        ParsedResource r = resources("@STRING{Name = {Defined}}\n@Misc{k, TITLE = NAME, Year = {2020}}").get(0);
        assertEquals("Defined", r.title());
        assertEquals(2020, r.year());
    }

    @Test
    void warnsAboutUndefinedMacrosDuplicateFieldsDuplicateKeysAndBadYears() {
        ParsedList list = parser.parse("x", """
                @misc{a, title = {First}, title = {Second}, year = undefinedmacro}
                @misc{a, title = {Again}, year = {circa}}
                """);
        assertEquals(List.of("First", "Again"), list.entries().stream().map(e -> e.resource().title()).toList());
        assertEquals(List.of(
                new ParseWarning(1, "The field 'title' is given twice in the entry 'a': the first is kept"),
                new ParseWarning(1, "The macro 'undefinedmacro' is not defined (no @string): read as empty"),
                new ParseWarning(2, "The key 'a' was used before (line 1): both entries are imported"),
                new ParseWarning(2, "The year 'circa' of the entry 'a' is not a year: ignored")), list.warnings());
    }

    @Test
    void skipsAnEntryWithNeitherTitleNorLinkWithAWarning() {
        ParsedList list = parser.parse("x", "@misc{empty, author = {Nobody}}\n@misc{k, title = {Kept}}");
        assertEquals(1, list.entries().size());
        assertEquals(List.of(new ParseWarning(1, "The entry 'empty' has no title, url, doi or arXiv id: skipped")),
                list.warnings());
    }

    @Test
    void anEntryWithOnlyALinkIsTitledFromIt() {
        ParsedResource r = resources("@misc{k, eprint = {2104.09864}}").get(0);
        assertEquals("2104.09864", r.arxivId());
        assertFalse(r.title().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = 0, value = {
        "@misc{k, title = {unclosed} | line 1, column 28: the entry 'k' starting at line 1 is not closed",
        "@misc{k, title = {open {brace} | line 1, column 18: the value is not closed",
        "@misc{k, title = \"open quote | line 1, column 18: the value is not closed",
        "@misc{k title = {x}} | line 1, column 9: expected ',' after the key of the @misc entry 'k'",
        "@misc{k, title {x}} | line 1, column 16: expected '=' after the field name 'title' in the entry 'k'",
        "@misc{k, title = {x} year = {2020}} | line 1, column 22: expected ',' or '}' after the field 'title'",
        "@misc{k, title = } | line 1, column 18: expected a value in braces, in quotes, a number or a macro name",
        "@misc{k, = {x}} | line 1, column 10: expected a field name or '}' in the entry 'k'",
        "@misc{k, title = \"a}b\"} | line 1, column 20: a '}' closes more braces than were opened",
        "@misc(k, title = {x}} | line 1, column 21: expected ',' or ')' after the field 'title'",
        "@string{x {y}} | line 1, column 11: expected '=' after the macro name 'x'",
        "@misc{k, title = {x}}\\n@comment{never closed | line 2, column 1: the @comment is not closed",
    })
    void malformedInputIsRejectedWholeWithItsLineAndColumn(String bibtex, String message) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> parser.parse("x", bibtex.replace("\\n", "\n")));
        assertTrue(error.getMessage().startsWith("BibTeX syntax error at " + message), error.getMessage());
        assertTrue(error.getMessage().endsWith("nothing was imported"), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "@article{k, title = {T}}",
        "  @InProceedings (k, title = {T})",
        "% a comment\n@misc{k,\n title = {T}}",
        "@online {k, title = {T}}",
    })
    void acceptsBibtexEntries(String content) {
        assertTrue(parser.accepts(content));
        assertEquals(ListFormat.BIBTEX, ReadingListParsers.detect(content).orElseThrow().format());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "- [Paper](https://arxiv.org/abs/2104.09864) by @someone",
        "@comment{k, title = {T}}\n@string{a = {b}}",
        "write to me@example.org{x}",
        "# Reading\n\n@karpathy's [post](https://x.com/karpathy/status/1)",
    })
    void acceptsNoOtherText(String content) {
        assertFalse(parser.accepts(content));
    }

    @Test
    void aFileOfOnlyCommentsAndStringsHasNoEntriesAndIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ReadingListParsers.parse("x", "@misc{empty, note = {no title}}\n"));
        assertEquals("No reading-list entries found in the BIBTEX list", error.getMessage());
    }

    @Test
    void hostileNestingAndHugeFilesCostLinearTime() {
        String deep = "@misc{k, title = {" + "{".repeat(200_000) + "x" + "}".repeat(200_000) + "}}\n";
        String authors = "@misc{a, title = {Many authors}, author = {" + "{A} and B, C and ".repeat(50_000) + "D}}\n";
        String many = "@misc{k, title = {Paper}, year = {2020}}\n".repeat(40_000);
        ParsedList list = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> parser.parse("x", deep + authors + many));
        assertEquals(40_002, list.entries().size());
        assertEquals("x", list.entries().get(0).resource().title());
        assertEquals(100_001, list.entries().get(1).resource().authors().size());
    }

    private List<ParsedResource> resources(String bibtex) {
        return parser.parse("x", bibtex).entries().stream().map(ParsedEntry::resource).toList();
    }
}
