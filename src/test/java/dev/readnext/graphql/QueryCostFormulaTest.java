package dev.readnext.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import graphql.execution.RawVariables;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;

/** The cost formula worked by hand on a slice of the schema, without Quarkus. */
class QueryCostFormulaTest {

    private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
            type Query {
              paper(id: ID): Paper
              papers(first: Int = 20, after: String): PaperConnection!
              search(text: String!, first: Int = 20): [SearchHit!]!
              nextPapers(after: String!, first: Int = 5): NextPapers!
              topics: [Topic!]!
              readingLists: [ReadingList!]!
              nodes(ids: [ID!]!): [Paper]!
              searchConnection(text: String!, first: Int, after: String, last: Int, before: String): HitConnection!
              me: Reader
            }
            type Reader { id: ID! export(format: String!, list: String): String! }
            type HitConnection { totalCount: Int! edges: [HitEdge!]! nodes: [SearchHit!]! }
            type HitEdge { cursor: String! node: SearchHit! }
            type Paper { id: ID! title: String! authors: [String!]! topics: [Topic!]!
              related(first: Int = 5): [Recommendation!]! }
            type PaperConnection { totalCount: Int! edges: [PaperEdge!]! }
            type PaperEdge { cursor: String! node: Paper! }
            type SearchHit { score: Float! paper: Paper! }
            type NextPapers { resolved: Paper recommendations: [Recommendation!]! }
            type Recommendation { score: Float! reasons: [String!]! paper: Paper! }
            type Topic { slug: String! papers(first: Int, after: String): PaperConnection! }
            type ReadingList { slug: String! entries: [Entry!]!
              entriesConnection(first: Int, after: String, last: Int, before: String): EntryConnection! }
            type EntryConnection { totalCount: Int! nodes: [Entry!]! }
            type Entry { read: Boolean! paper: Paper! }
            """), RuntimeWiring.MOCKED_WIRING);

    private static QueryCost.Cost estimate(String query, Map<String, Object> variables) {
        return QueryCost.estimate(SCHEMA, ExecutableNormalizedOperationFactory.createExecutableNormalizedOperationWithRawVariables(
                SCHEMA, new Parser().parseDocument(query), null, RawVariables.of(variables)));
    }

    private static long cost(String query) {
        return estimate(query, Map.of()).value();
    }

    @Test
    void aReadersExportCostsTheMostPapersItHolds() {
        assertEquals(1 + 1 + 2_000, cost("{ me { id export(format: \"BIBTEX\") } }"));
        assertEquals(1 + 2 * 2_000, cost("{ me { a: export(format: \"BIBTEX\") b: export(format: \"CSL_JSON\") } }"));
        assertEquals("me.a", estimate("{ me { id a: export(format: \"BIBTEX\") } }", Map.of()).path());
    }

    @Test
    void aFieldThatIsNoListCostsOnePlusWhatItSelects() {
        assertEquals(3, cost("{ paper(id: 1) { id title } }"));
        assertEquals(0, cost("{ __typename }"));
    }

    @Test
    void aListCostsItsFirstTimesWhatItSelects() {
        // related(first: 50) { paper { id } } = 1 + 50 × (1 + 1)
        assertEquals(1 + 1 + 50 * 2, cost("{ paper(id: 1) { related(first: 50) { paper { id } } } }"));
        // the declared default, 5
        assertEquals(1 + 1 + 5 * 2, cost("{ paper(id: 1) { related { paper { id } } } }"));
    }

    @Test
    void nestedListsMultiply() {
        String nested = "{ paper(id: 2) { related(first: 50) { paper { related(first: 50) { paper { related(first: 50) {"
                + " paper { related(first: 50) { paper { id } } } } } } } } } }";
        long level4 = 1 + 50 * 2;
        long level3 = 1 + 50 * (1 + level4);
        long level2 = 1 + 50 * (1 + level3);
        long level1 = 1 + 50 * (1 + level2);
        assertEquals(1 + level1, cost(nested));
        assertEquals("paper.related.paper.related.paper.related.paper.related.paper", estimate(nested, Map.of()).path());
    }

    @Test
    void aConnectionsEdgesAndNextPapersRecommendationsTakeTheFirstOfTheirField() {
        // papers = 1 + totalCount 1 + edges (1 + 100 × node (1 + title 1))
        assertEquals(1 + 1 + 1 + 100 * 2, cost("{ papers(first: 100) { totalCount edges { node { title } } } }"));
        assertEquals(1 + 1 + 8 * 1, cost("{ nextPapers(after: \"RoPE\", first: 8) { recommendations { score } } }"));
    }

    @Test
    void firstComesFromVariablesAndIsCappedAtTheLargestPage() {
        assertEquals(1 + 1 + 12 * 2, cost("query Q($n: Int) { papers(first: $n) { edges { node { title } } } }",
                Map.of("n", 12)));
        assertEquals(1 + 1 + 100 * 2, cost("{ papers(first: 100000) { edges { node { title } } } }"));
        assertEquals(1 + 1, cost("{ papers(first: -5) { edges { node { title } } } }"));
    }

    @Test
    void aPageWithoutFirstOrDefaultCountsAsTheLargestPage() {
        // topics (nominal 30) × Topic.papers without a default: a connection's default page (20)
        assertEquals(1 + 30 * (1 + 1 + 20 * 2), cost("{ topics { papers { edges { node { title } } } } }"));
    }

    @Test
    void listsWithoutPagingTakeTheirNominalSizeAndListsOfScalarsCostOne() {
        assertEquals(1 + 10 * (1 + 100 * (1 + 2)),
                cost("{ readingLists { entries { read paper { title } } } }"));
        assertEquals(1 + 1 + 1 + 1 + 3 * 1, cost("{ paper(id: 1) { id authors topics { slug } } }"));
    }

    @Test
    void aFragmentCostsWhereverItIsSpreadAndRepeatedFieldsCountOnce() {
        String related = "fragment R on Paper { related(first: 50) { paper { title } } }";
        assertEquals(3 * (1 + 101), cost("{ a: paper(id: 1) { ...R } b: paper(id: 2) { ...R } c: paper(id: 3) { ...R } } "
                + related));
        assertEquals(1 + 101, cost("{ paper(id: 1) { ...R ...R related(first: 50) { paper { title } } } } " + related));
    }

    @Test
    void skippedFieldsCostNothing() {
        assertEquals(1 + 1, cost("query Q($all: Boolean!) { paper(id: 1) { title related(first: 50) @include(if: $all) {"
                + " score } } }", Map.of("all", false)));
    }

    @Test
    void introspectionCountsEachFieldOnce() {
        assertEquals(1 + 1 + 1 + 1, cost("{ __schema { types { fields { name } } } }"));
    }

    private static long cost(String query, Map<String, Object> variables) {
        return estimate(query, variables).value();
    }

    @Test
    void aConnectionCountsItsEdgesAndNodesFirstOrLastTimes() {
        assertEquals(1 + 1 + 1 + 30 * 1, cost("{ searchConnection(text: \"x\", first: 30) { totalCount nodes { score } } }"));
        assertEquals(1 + 1 + 40 * (1 + 2), cost("{ searchConnection(text: \"x\", last: 40) { edges { cursor node { score } } } }"));
        // first and last together: the larger; neither: 20
        assertEquals(1 + 1 + 60 * 1, cost("{ searchConnection(text: \"x\", first: 10, last: 60) { nodes { score } } }"));
        assertEquals(1 + 1 + 20 * 1, cost("{ searchConnection(text: \"x\") { nodes { score } } }"));
        assertEquals(1 + 1 + 100 * 1, cost("{ searchConnection(text: \"x\", last: 5000) { nodes { score } } }"));
    }

    @Test
    void nestedConnectionsMultiplyTheirPageSizes() {
        // readingLists (nominal 10) × entriesConnection(last: 50) × (read + paper { title })
        assertEquals(1 + 10 * (1 + 1 + 50 * (1 + 2)),
                cost("{ readingLists { entriesConnection(last: 50) { nodes { read paper { title } } } } }"));
    }

    @Test
    void nodesCountsOneItemPerIdAsked() {
        assertEquals(1 + 3 * (1 + 1), cost("{ nodes(ids: [\"a\", \"b\", \"c\"]) { id title } }"));
        assertEquals(1 + 2 * (1 + 1 + 50 * 2), cost("query N($ids: [ID!]!) { nodes(ids: $ids) { id related(first: 50)"
                + " { paper { id } } } }", Map.of("ids", java.util.List.of("a", "b"))));
    }
}
