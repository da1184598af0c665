package dev.readnext.recommend;

import static dev.readnext.graphql.GraphQL.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.readnext.DatabaseState;
import dev.readnext.paper.Paper;

/**
 * Recommendation lists show their papers from memory unless the request selects a column memory lacks: the papers
 * from memory equal their rows, every column of the type Paper is either held or named as lacking, and a request that
 * selects a lacking column (directly or in a fragment) gets it from the database.
 */
@QuarkusTest
class PaperProjectionTest {

    /** The columns memory holds (id and databaseId derive from the id). */
    private static final Set<String> PROJECTED = Set.of("id", "slug", "title", "kind", "year", "tldr", "arxivId", "url");

    @Inject
    StructureSignals structure;

    @Inject
    RecommendationIndex index;

    @Inject
    DataSource db;

    @Test
    void everyColumnOfPaperIsHeldInMemoryOrNamedAsLacking() {
        for (Field field : Paper.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) || field.isAnnotationPresent(Ignore.class)
                    && !field.getName().equals("id")) {
                continue;
            }
            String name = field.isAnnotationPresent(Name.class) ? field.getAnnotation(Name.class).value() : field.getName();
            assertTrue(PROJECTED.contains(name) || StructureSignals.NOT_PROJECTED.contains(name),
                    "Paper." + name + " is neither projected (PaperFacts.Known) nor in NOT_PROJECTED");
        }
    }

    @Test
    void papersFromMemoryEqualTheirRows() throws Exception {
        awaitIndex();
        List<Paper> rows = QuarkusTransaction.requiringNew().call(() -> Paper.<Paper>listAll());
        Map<Long, Paper> projected = structure.projected(rows.stream().map(p -> p.id).toList());
        assertEquals(rows.size(), projected.size());
        for (Paper row : rows) {
            Paper held = projected.get(row.id);
            assertEquals(List.of(row.slug, row.title, row.kind, String.valueOf(row.year), String.valueOf(row.tldr),
                    String.valueOf(row.arxivId), String.valueOf(row.url)),
                    List.of(held.slug, held.title, held.kind, String.valueOf(held.year), String.valueOf(held.tldr),
                            String.valueOf(held.arxivId), String.valueOf(held.url)), "paper " + row.id);
        }
    }

    @Test
    void aRequestSelectingALackingColumnGetsItFromTheDatabase() throws Exception {
        awaitIndex();
        String paperId = "1";
        List<Integer> recommended = ok("{ relatedPapers(paperId: \"" + paperId + "\", first: 3) { paper { databaseId } } }")
                .extract().path("data.relatedPapers.paper.databaseId");
        assertFalse(recommended.isEmpty());
        int marked = recommended.get(0);
        String original = codeUrl(marked);
        sql("UPDATE paper SET code_url = 'https://github.com/readnext/projection-test' WHERE id = " + marked);
        try {
            for (String query : List.of(
                    "{ relatedPapers(paperId: \"" + paperId + "\", first: 3) { paper { databaseId title codeUrl } } }",
                    "{ relatedPapers(paperId: \"" + paperId + "\", first: 3) { paper { databaseId ...C } } }"
                            + " fragment C on Paper { codeUrl }")) {
                List<String> codeUrls = ok(query).extract().path("data.relatedPapers.paper.codeUrl");
                List<Integer> ids = ok(query).extract().path("data.relatedPapers.paper.databaseId");
                assertEquals("https://github.com/readnext/projection-test", codeUrls.get(ids.indexOf(marked)), query);
            }
            String connection = "{ relatedPapersConnection(paperId: \"" + paperId + "\", first: 3) { edges { node {"
                    + " paper { databaseId codeUrl } } } } }";
            List<String> codeUrls = ok(connection).extract().path("data.relatedPapersConnection.edges.node.paper.codeUrl");
            List<Integer> ids = ok(connection).extract().path("data.relatedPapersConnection.edges.node.paper.databaseId");
            assertEquals("https://github.com/readnext/projection-test", codeUrls.get(ids.indexOf(marked)), connection);
        } finally {
            sql("UPDATE paper SET code_url = " + (original == null ? "NULL" : "'" + original + "'") + " WHERE id = "
                    + marked);
        }
    }

    private String codeUrl(int id) throws SQLException {
        return DatabaseState.strings(db, "SELECT code_url FROM paper WHERE id = " + id).get(0);
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            s.execute();
        }
    }

    private void awaitIndex() throws InterruptedException {
        for (int i = 0; i < 600 && !index.isReady(); i++) {
            Thread.sleep(100);
        }
        assertTrue(index.isReady(), "index not ready after 60 s");
    }
}
