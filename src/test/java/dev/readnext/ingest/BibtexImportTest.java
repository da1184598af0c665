package dev.readnext.ingest;

import static dev.readnext.graphql.GraphQL.as;
import static dev.readnext.graphql.GraphQL.ok;
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
        String name = "Scholar export " + UUID.randomUUID().toString().substring(0, 8);
        String bib = """
                @article{jiang2024mixtral,
                  title={{M}ixtral of {E}xperts},
                  author={Jiang, Albert Q. and Sablayrolles, Alexandre and others},
                  journal={arXiv preprint arXiv:2401.04088},
                  year={2024}
                }
                """;
        as(Tokens.editor(), IMPORT, Map.of("name", name, "content", bib)).body("errors", equalTo(null))
                .body("data.importReadingList.created", equalTo(0));
        String slug = name.toLowerCase().replace(' ', '-');
        ok("query L($slug: String!) { readingList(slug: $slug) { format entries { paper { arxivId title } } } }",
                Map.of("slug", slug))
                .body("data.readingList.format", equalTo("BIBTEX"))
                .body("data.readingList.entries[0].paper.arxivId", equalTo("2401.04088"))
                .body("data.readingList.entries[0].paper.title", startsWith("Mixtral of Experts"));
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
