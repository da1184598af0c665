package dev.readnext.ingest;

import static dev.readnext.graphql.GraphQL.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.readnext.DatabaseState;
import dev.readnext.security.Tokens;

/** importReadingList with BibTeX content: entries link to the papers they name; malformed files write nothing. */
@QuarkusTest
class BibtexImportTest {

    private static final String IMPORT = "mutation I($name: String!, $content: String!) {"
            + " importReadingList(name: $name, content: $content) { created warnings { line message } } }";

    @Inject
    DataSource db;

    @Test
    void aBibtexEntryLinksToTheKnownPaperItsArxivIdNames() {
        // into a reader's own list: the shared catalogue (which other tests inspect) stays as it is
        String reader = Tokens.reader("scholar-" + UUID.randomUUID(), null);
        String name = "Scholar export " + UUID.randomUUID().toString().substring(0, 8);
        String bib = """
                @article{su2021roformer,
                  title={{RoFormer}: Enhanced {T}ransformer with Rotary Position Embedding},
                  author={Su, Jianlin and Lu, Yu and Pan, Shengfeng and others},
                  journal={arXiv preprint arXiv:2104.09864},
                  year={2021}
                }
                """;
        as(reader, IMPORT, Map.of("name", name, "content", bib)).body("errors", equalTo(null))
                .body("data.importReadingList.created", equalTo(0));
        as(reader, "{ me { readingLists { format entries { paper { arxivId title } } } } }", Map.of())
                .body("errors", equalTo(null))
                .body("data.me.readingLists[0].format", equalTo("BIBTEX"))
                .body("data.me.readingLists[0].entries[0].paper.arxivId", equalTo("2104.09864"))
                .body("data.me.readingLists[0].entries[0].paper.title", startsWith("RoFormer: Enhanced Transformer"));
    }

    @Test
    void aMalformedBibtexFileIsBadUserInputNamingTheLineAndWritesNothing() throws SQLException {
        var before = DatabaseState.counts(db);
        String bib = """
                @misc{fine, title = {A paper that alone would import}, url = {https://example.org/fine}}
                @misc{broken, title = {Unclosed brace, url = {https://example.org/broken}}
                """;
        as(Tokens.editor(), IMPORT, Map.of("name", "Broken bib", "content", bib))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.field", equalTo("content"))
                .body("errors[0].message", equalTo("BibTeX syntax error at line 3, column 1: the entry 'broken'"
                        + " starting at line 2 is not closed: '}' missing; nothing was imported"));
        assertEquals(before, DatabaseState.counts(db));
    }
}
