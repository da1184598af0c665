package dev.readnext.graphql;

import static dev.readnext.graphql.GraphQL.ok;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Nested fields load in batches: the number of SQL statements does not grow with the number of papers. */
@QuarkusTest
class BatchLoadingTest {

    private static final String NESTED = """
            query Nested($first: Int) {
              papers(first: $first) { totalCount edges { node {
                title aliases
                topics { slug parent { slug } children { slug } }
                lists { read section list { slug name } paper { slug } }
                sessions { label date section { number } readings { title } } } } } }""";

    @Inject
    EntityManagerFactory emf;

    @Test
    void nestedPaperQueryUsesTheSameFewStatementsFor5Or100Papers() {
        long few = statementsFor(5);
        long many = statementsFor(100);
        assertEquals(few, many, "statements for 5 papers vs 100 papers");
        assertTrue(many <= 16, "statements for a 5-level nested query: " + many);
    }

    @Test
    void nestedTopicPagesLoadInBatches() {
        Statistics stats = stats();
        stats.clear();
        ok("{ topics { slug paperCount papers(first: 3) { totalCount edges { node { title topics { slug } } } } } }")
                .body("data.topics.size()", org.hamcrest.Matchers.greaterThan(20));
        assertTrue(stats.getPrepareStatementCount() <= 8, "statements: " + stats.getPrepareStatementCount());
    }

    private long statementsFor(int papers) {
        Statistics stats = stats();
        stats.clear();
        ok(NESTED, Map.of("first", papers)).body("data.papers.edges", hasSize(papers));
        return stats.getPrepareStatementCount();
    }

    private Statistics stats() {
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        assertTrue(stats.isStatisticsEnabled(), "statistics are enabled in the test profile");
        return stats;
    }
}
