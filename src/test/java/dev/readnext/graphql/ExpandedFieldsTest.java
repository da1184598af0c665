package dev.readnext.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import graphql.language.Document;
import graphql.parser.Parser;

/** The fields of an operation with its fragments expanded, counted in time linear in the document. */
class ExpandedFieldsTest {

    private static long count(String query, long limit) {
        Document document = new Parser().parseDocument(query);
        return ExpandedFields.count(document, limit);
    }

    /** {@code fragment F0 on Paper { id title }}, each next one spreading the one before twice: 2^(n+1) + … fields. */
    static String fragmentFanOut(int fragments) {
        StringBuilder query = new StringBuilder("{ paper(id: \"2\") { ...F" + (fragments - 1) + " } }\n");
        query.append("fragment F0 on Paper { id title }\n");
        for (int i = 1; i < fragments; i++) {
            query.append("fragment F").append(i).append(" on Paper { ...F").append(i - 1).append(" a: id ...F")
                    .append(i - 1).append(" }\n");
        }
        return query.toString();
    }

    @Test
    void fieldsAndNestedFieldsCountOnceEach() {
        assertEquals(5, count("{ paper(id: \"1\") { title topics { slug name } } }", 1000));
    }

    @Test
    void aFragmentCountsEveryTimeItIsSpread() {
        assertEquals(1 + 3 * 2 + 1, count("{ paper(id: \"1\") { ...P ...P ... on Paper { ...P } id } }"
                + " fragment P on Paper { title year }", 1000));
    }

    @Test
    void fragmentsSpreadingEachOtherAreCountedByTheirExpansion() {
        // F0 = 2, Fi = 2 F(i-1) + 1: F3 = 23, plus the paper field
        assertEquals(24, count(fragmentFanOut(4), 1000));
    }

    @Test
    void anExponentialFragmentFanOutIsCountedInstantlyAndStopsJustPastTheLimit() {
        long fields = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> count(fragmentFanOut(60), 2000));
        assertEquals(2001, fields);
    }

    @Test
    void theLargestOperationCounts() {
        assertEquals(3, count("query A { a { b } } query B { a { b c } }", 1000));
    }

    @Test
    void cyclesAndUnknownFragmentsCountNothingAndEndTheCount() {
        assertEquals(3, count("{ topics { ...A } } fragment A on Topic { children { ...B } } fragment B on Topic { slug ...A }",
                1000));
        assertEquals(1, count("{ topics { ...Nowhere } }", 1000));
    }
}
