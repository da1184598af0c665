package dev.readnext.graphql;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import graphql.execution.RawVariables;
import graphql.introspection.IntrospectionQuery;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.TypeUtil;
import dev.readnext.ReadnextConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The cost budget against the service with the seed data: hostile nesting and fragment fan-out are refused before
 * anything is fetched, with the cost and the limit; the README's examples and the web page's queries fit.
 */
@QuarkusTest
class QueryCostTest {

    /** A refusal comes at once; a request that would hang fails the test instead of hanging it. */
    private static final RestAssuredConfig WAIT_AT_MOST_20_S = RestAssuredConfig.config().httpClient(
            HttpClientConfig.httpClientConfig().setParam("http.connection.timeout", 20_000)
                    .setParam("http.socket.timeout", 20_000));

    private static final String NESTED_RELATED = """
            { paper(id: "2") { related(first: 50) { paper { related(first: 50) { paper { related(first: 50) {
              paper { related(first: 50) { paper { id } } } } } } } } } }""";

    @Inject
    GraphQLSchema schema;

    @Inject
    ReadnextConfig config;

    private static ValidatableResponse post(String query) {
        return given().config(WAIT_AT_MOST_20_S).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("query", query)).post("/graphql").then();
    }

    private static ValidatableResponse refused(String query, String message) {
        return post(query).statusCode(200)
                .body("data", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString(message));
    }

    @Test
    void nestedRelatedFourLevelsDeepIsRefusedWithItsCostAndTheLimit() {
        // 1 + (1 + 50 × (1 + 1 + 50 × (1 + 1 + 50 × (1 + 1 + 50 × 2)))) = 12,755,102
        refused(NESTED_RELATED, "The query costs 12,755,102, more than the limit of 10,000")
                .body("errors[0].message", containsString("paper.related.paper.related"));
    }

    @Test
    void twentyTwoFragmentsSpreadingEachOtherTwiceAreRefusedBeforeTheyAreExpanded() {
        refused(ExpandedFieldsTest.fragmentFanOut(22), "more than 2,000 fields once its fragments are expanded");
    }

    @Test
    void aFragmentFanOutIs400ForGraphQLResponseJsonClients() {
        given().config(WAIT_AT_MOST_20_S).contentType(ContentType.JSON).accept("application/graphql-response+json")
                .body(Map.of("query", ExpandedFieldsTest.fragmentFanOut(40))).post("/graphql").then()
                .statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }

    static Stream<String> costlyQueries() {
        String relatedTwice = "related(first: 50) { paper { related { paper { id } } } }";
        String aliasedFragments = Stream.iterate(1, i -> i + 1).limit(20)
                .map(i -> "a" + i + ": paper(id: \"" + i + "\") { ...R }")
                .reduce("{ ", (query, alias) -> query + alias + " ")
                + "} fragment R on Paper { related(first: 50) { paper { related(first: 10) { paper { title } } } } }";
        return Stream.of(
                "{ topics { papers(first: 50) { edges { node { related(first: 10) { paper { id } } } } } } }",
                "{ recommend(positive: [\"1\"], negative: [], first: 50) { paper { " + relatedTwice + " } } }",
                "{ search(text: \"attention\", first: 100) { paper { related(first: 50) { paper { title } } } } }",
                "{ relatedPapers(paperId: \"2\", first: 50) { paper { " + relatedTwice + " } } }",
                "{ nextPapers(after: \"RoPE\", first: 50) { recommendations { paper {"
                        + " related(first: 50) { paper { lists { read } } } } } } }",
                "{ readingLists { entries { paper { related(first: 50) { paper { title } } } } } }",
                "{ course(slug: \"llm-901\") { sessions { readings {"
                        + " related(first: 20) { paper { related(first: 20) { score } } } } } } }",
                "{ papers(first: 100) { edges { node { related(first: 50) { paper { topics { papers { totalCount } } } } } } } }",
                aliasedFragments);
    }

    @ParameterizedTest
    @MethodSource("costlyQueries")
    void nestedListsFromEveryEntryPointAreRefusedBeforeExecution(String query) {
        refused(query, "more than the limit of 10,000");
    }

    @Test
    void aliasesTimesAFragmentFanOutAreRefusedBeforeTheyAreExpanded() {
        String fragments = ExpandedFieldsTest.fragmentFanOut(12);
        String aliases = Stream.iterate(1, i -> i + 1).limit(10).map(i -> "p" + i + ": paper(id: \"2\") { ...F11 }")
                .reduce("{ ", (query, alias) -> query + alias + " ") + "}";
        refused(aliases + fragments.substring(fragments.indexOf('\n')), "more than 2,000 fields");
    }

    @Test
    void twoLevelsOfRelatedPapersAreAnswered() {
        post("{ paper(id: \"2\") { related(first: 50) { paper { related(first: 50) { paper { id } } } } } }")
                .statusCode(200)
                .body("errors", nullValue());
    }

    static Stream<String> readmeExamples() {
        return Stream.of("""
                { nextPapers(after: "RoPE", first: 3) {
                    resolved { title arxivId }
                    recommendations { score reasons sharedTerms paper { title } } } }""",
                "{ resolvePaper(text: \"RoPE\") { score matchedBy paper { title arxivId } } }",
                """
                { course(slug: "llm-901") {
                    title
                    sections { number title }
                    sessions { position label date title readings { title tldr } } } }""",
                """
                { papers(filter: { topic: "mixture-of-experts", read: false }, first: 20) {
                    totalCount
                    edges { cursor node { title kind url arxivId lists { list { slug } read } } }
                    pageInfo { hasNextPage endCursor } } }""",
                "{ search(text: \"rotary position embedding\", first: 5) { score highlight paper { title } } }",
                "{ learningPaths(topic: \"pretraining\") { title steps { position note paper { title } } } }",
                "{ readingLists { slug name entries { position section read paper { title } } } }");
    }

    @ParameterizedTest
    @MethodSource("readmeExamples")
    void theReadmeExamplesAreAnswered(String query) {
        post(query).statusCode(200).body("errors", nullValue());
    }

    @Test
    void theWebPagesQueriesFitTheBudgetWithTheLargestPages() throws IOException {
        Map<String, String> queries = WebPageQueries.read(Path.of("src/main/resources/META-INF/resources/js"));
        assertTrue(queries.size() >= 8, "the page's queries: " + queries.keySet());
        queries.forEach(this::assertFitsTheBudget);
    }

    @Test
    void theIntrospectionQueryOfTheGraphQLUiFitsTheBudget() {
        assertFitsTheBudget("introspection", IntrospectionQuery.INTROSPECTION_QUERY);
    }

    private void assertFitsTheBudget(String name, String query) {
        Document document = new Parser().parseDocument(query);
        long cost = QueryCost.estimate(schema, ExecutableNormalizedOperationFactory
                .createExecutableNormalizedOperationWithRawVariables(schema, document, null,
                        RawVariables.of(largestVariables(document)))).value();
        assertTrue(cost <= config.graphql().maxCost(), name + " costs " + cost);
        int maxFields = config.graphql().maxFields();
        assertFalse(ExpandedFields.count(document, maxFields) > maxFields, name + " has too many fields");
    }

    /** Values for the operation's variables, with every page as large as it may be. */
    private static Map<String, Object> largestVariables(Document document) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (VariableDefinition variable : document.getDefinitionsOfType(OperationDefinition.class).get(0)
                .getVariableDefinitions()) {
            String type = TypeUtil.unwrapAll(variable.getType()).getName();
            variables.put(variable.getName(), switch (type) {
                case "Int" -> 100;
                case "Boolean" -> true;
                case "PaperFilter" -> Map.of();
                default -> "x";
            });
        }
        return variables;
    }

    /** The GraphQL documents the web page's modules hold as constants, with the constants they use filled in. */
    static final class WebPageQueries {

        private static final Pattern CONSTANT = Pattern.compile("const (\\w+) = (`[^`]*`|\\d+);");
        private static final Pattern USE = Pattern.compile("\\$\\{(\\w+)}");

        static Map<String, String> read(Path scripts) throws IOException {
            Map<String, String> constants = new LinkedHashMap<>();
            try (Stream<Path> files = Files.walk(scripts)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".js")).sorted().toList()) {
                    Matcher constant = CONSTANT.matcher(Files.readString(file));
                    while (constant.find()) {
                        constants.put(constant.group(1), constant.group(2).replace("`", ""));
                    }
                }
            }
            Map<String, String> queries = new LinkedHashMap<>();
            constants.forEach((name, value) -> {
                String text = value.strip();
                if (text.startsWith("{") || text.startsWith("query ")) {
                    queries.put(name, filledIn(text, constants));
                }
            });
            return queries;
        }

        private static String filledIn(String text, Map<String, String> constants) {
            Matcher use = USE.matcher(text);
            StringBuilder filled = new StringBuilder();
            while (use.find()) {
                use.appendReplacement(filled, Matcher.quoteReplacement(filledIn(constants.get(use.group(1)), constants)));
            }
            return use.appendTail(filled).toString();
        }

        private WebPageQueries() {
        }
    }
}
