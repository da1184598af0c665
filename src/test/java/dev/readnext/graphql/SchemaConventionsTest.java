package dev.readnext.graphql;

import static dev.readnext.graphql.GraphQL.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Conventions of the served schema, as clients, codegen and GraphiQL see it through introspection: closed sets are
 * enums, everything is described, and no unused scalar is listed.
 */
@QuarkusTest
class SchemaConventionsTest {

    /** GraphQL's own scalars, described by the specification rather than by us */
    private static final Set<String> BUILT_IN_SCALARS = Set.of("Int", "Float", "String", "Boolean", "ID");

    private static final String TYPES = "{ __schema { types { kind name description"
            + " fields(includeDeprecated: true) { name description args { name description } }"
            + " inputFields { name description }"
            + " enumValues(includeDeprecated: true) { name description } } } }";

    @Test
    void everyTypeFieldArgumentAndEnumValueIsDescribed() {
        List<String> undescribed = new ArrayList<>();
        for (Map<String, Object> type : types()) {
            String name = (String) type.get("name");
            if (name.startsWith("__") || BUILT_IN_SCALARS.contains(name)) {
                continue;
            }
            check(undescribed, type, type.get("kind") + " " + name);
            for (Map<String, Object> field : list(type.get("fields"))) {
                String path = name + "." + field.get("name");
                check(undescribed, field, path);
                for (Map<String, Object> argument : list(field.get("args"))) {
                    check(undescribed, argument, path + "(" + argument.get("name") + ")");
                }
            }
            for (Map<String, Object> inputField : list(type.get("inputFields"))) {
                check(undescribed, inputField, name + "." + inputField.get("name"));
            }
            for (Map<String, Object> value : list(type.get("enumValues"))) {
                check(undescribed, value, name + "." + value.get("name"));
            }
        }
        assertTrue(undescribed.isEmpty(), undescribed.size() + " without a description:\n  "
                + String.join("\n  ", undescribed));
    }

    /** BigDecimal and BigInteger came with SmallRye's @constraint directive, which nothing applies (SchemaDirectives) */
    @Test
    void noUnusedScalarsNorDirectives() {
        List<String> scalars = types().stream().filter(t -> "SCALAR".equals(t.get("kind")))
                .map(t -> (String) t.get("name")).toList();
        assertTrue(scalars.stream().noneMatch(Set.of("BigDecimal", "BigInteger")::contains), "scalars: " + scalars);
        List<String> directives = ok("{ __schema { directives { name } } }").extract()
                .path("data.__schema.directives.name");
        assertFalse(directives.contains("constraint"), "directives: " + directives);
        assertTrue(directives.containsAll(List.of("include", "skip", "deprecated", "specifiedBy", "oneOf", "defer",
                "rolesAllowed")), "directives: " + directives);
    }

    private static List<Map<String, Object>> types() {
        return ok(TYPES).extract().path("data.__schema.types");
    }

    private static void check(List<String> undescribed, Map<String, Object> element, String path) {
        Object description = element.get("description");
        if (!(description instanceof String text) || text.isBlank()) {
            undescribed.add(path);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @ParameterizedTest(name = "{0}.{1} is the enum {2}")
    @CsvSource({ "Recommendation, reasons, Reason", "PaperMatch, matchedBy, MatchKind", "ReadingList, format, ListFormat",
            "NextPapers, interpretedAs, Interpretation", "Paper, kind, ResourceKind" })
    void closedSetsAreEnums(String type, String field, String enumName) {
        List<Map<String, Object>> fields = ok("query T($name: String!) { __type(name: $name) { fields { name"
                + " type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }",
                Map.of("name", type)).extract().path("data.__type.fields");
        Map<String, Object> named = innermost((Map<?, ?>) fields.stream().filter(f -> field.equals(f.get("name")))
                .findFirst().orElseThrow(() -> new AssertionError(type + " has no field " + field)).get("type"));
        assertEquals("ENUM", named.get("kind"), type + "." + field + " is " + named);
        assertEquals(enumName, named.get("name"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> innermost(Map<?, ?> type) {
        Map<String, Object> current = (Map<String, Object>) type;
        while (current.get("ofType") instanceof Map<?, ?> inner) {
            current = (Map<String, Object>) inner;
        }
        return current;
    }

    /** The types of the contract's Node interface (DESIGN.md §3, second round). */
    private static final List<String> NODES = List.of("Paper", "Topic", "Course", "CourseSession", "ReadingList",
            "LearningPath");
    /** Mutations that keep the signature the contract gives them (DESIGN.md §3): their own arguments, not one input. */
    private static final Set<String> CONTRACT_MUTATIONS = Set.of("importReadingList", "importArxivMetadata",
            "markRead", "saveToList");

    private static final String TYPE_REF = "type { kind name ofType { kind name ofType { kind name ofType { kind name"
            + " } } } }";
    // one __Type.fields per request: graphql-java refuses more as introspection in bad faith
    private static final String SHAPES = "{ __schema { types { kind name interfaces { name } fields { name "
            + TYPE_REF + " } inputFields { name " + TYPE_REF + " } } } }";
    private static final String ROOT = "{ __schema { %s { fields(includeDeprecated: true) { name isDeprecated"
            + " args { name " + TYPE_REF + " } " + TYPE_REF + " } } } }";

    @Test
    void everyContractTypeImplementsNodeWithAnId() {
        Map<String, Map<String, Object>> types = byName(shapes().get("types"));
        for (String name : NODES) {
            List<Object> interfaces = list(types.get(name).get("interfaces")).stream().map(i -> i.get("name")).toList();
            assertTrue(interfaces.contains("Node"), name + " implements " + interfaces);
            Map<String, Object> id = field(types.get(name), "id");
            assertEquals("NON_NULL", ((Map<?, ?>) id.get("type")).get("kind"), name + ".id");
            assertEquals("ID", innermost((Map<?, ?>) id.get("type")).get("name"), name + ".id");
        }
        List<Map<String, Object>> queries = root("queryType");
        assertEquals("[ID!]!", printed(field(Map.of("fields", queries), "nodes").get("args")));
    }

    @Test
    void everyConnectionHasEdgesNodesPageInfoAndTotalCount() {
        List<Map<String, Object>> connections = list(shapes().get("types")).stream()
                .filter(t -> ((String) t.get("name")).endsWith("Connection")).toList();
        assertTrue(connections.size() >= 6, "connections: " + connections.stream().map(t -> t.get("name")).toList());
        for (Map<String, Object> connection : connections) {
            List<Object> fields = list(connection.get("fields")).stream().map(f -> f.get("name")).toList();
            assertTrue(fields.containsAll(List.of("edges", "nodes", "pageInfo", "totalCount")),
                    connection.get("name") + " has " + fields);
        }
        List<Object> pageInfo = list(byName(shapes().get("types")).get("PageInfo").get("fields")).stream()
                .map(f -> f.get("name")).toList();
        assertTrue(pageInfo.containsAll(List.of("hasNextPage", "hasPreviousPage", "startCursor", "endCursor")),
                "PageInfo has " + pageInfo);
    }

    @Test
    void everyMutationTakesOneInputAndAnswersWithAPayloadEchoingClientMutationId() {
        Map<String, Map<String, Object>> types = byName(shapes().get("types"));
        for (Map<String, Object> mutation : root("mutationType")) {
            String name = (String) mutation.get("name");
            if (CONTRACT_MUTATIONS.contains(name) || (Boolean) mutation.get("isDeprecated")) {
                continue;
            }
            List<Map<String, Object>> args = list(mutation.get("args"));
            String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            assertEquals(List.of("input"), args.stream().map(a -> a.get("name")).toList(), name + " arguments");
            assertEquals(capitalised + "Input!", printed(args), name + "(input:)");
            assertEquals(capitalised + "Payload!", printedType((Map<?, ?>) mutation.get("type")), name + " returns");
            field(types.get(capitalised + "Payload"), "clientMutationId");
            field(Map.of("fields", list(types.get(capitalised + "Input").get("inputFields"))), "clientMutationId");
        }
    }

    @Test
    void noListArgumentOrInputFieldAcceptsNullItems() {
        List<String> nullable = new ArrayList<>();
        for (Map<String, Object> type : list(shapes().get("types"))) {
            if (((String) type.get("name")).startsWith("__")) {
                continue;
            }
            for (Map<String, Object> input : list(type.get("inputFields"))) {
                checkItems(nullable, type.get("name") + "." + input.get("name"), (Map<?, ?>) input.get("type"));
            }
        }
        for (String root : List.of("queryType", "mutationType")) {
            for (Map<String, Object> field : root(root)) {
                for (Map<String, Object> arg : list(field.get("args"))) {
                    checkItems(nullable, field.get("name") + "(" + arg.get("name") + ")", (Map<?, ?>) arg.get("type"));
                }
            }
        }
        assertTrue(nullable.isEmpty(), "lists that accept null items: " + nullable);
    }

    private static void checkItems(List<String> nullable, String path, Map<?, ?> type) {
        Map<?, ?> current = type;
        while (current != null) {
            if ("LIST".equals(current.get("kind"))
                    && !"NON_NULL".equals(((Map<?, ?>) current.get("ofType")).get("kind"))) {
                nullable.add(path + ": " + printedType(type));
            }
            current = (Map<?, ?>) current.get("ofType");
        }
    }

    private static Map<String, Object> shapes() {
        return ok(SHAPES).extract().path("data.__schema");
    }

    /** The fields of the query or mutation type, deprecated ones too, with their arguments and types. */
    private static List<Map<String, Object>> root(String type) {
        return ok(ROOT.formatted(type)).extract().path("data.__schema." + type + ".fields");
    }

    private static Map<String, Map<String, Object>> byName(Object types) {
        Map<String, Map<String, Object>> byName = new java.util.HashMap<>();
        list(types).forEach(t -> byName.put((String) t.get("name"), t));
        return byName;
    }

    private static Map<String, Object> field(Map<String, Object> type, String name) {
        return list(type.get("fields")).stream().filter(f -> name.equals(f.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(type.get("name") + " has no field " + name));
    }

    /** The type of the only argument, as the schema language prints it. */
    private static String printed(Object args) {
        return printedType((Map<?, ?>) list(args).get(0).get("type"));
    }

    private static String printedType(Map<?, ?> type) {
        return switch ((String) type.get("kind")) {
            case "NON_NULL" -> printedType((Map<?, ?>) type.get("ofType")) + "!";
            case "LIST" -> "[" + printedType((Map<?, ?>) type.get("ofType")) + "]";
            default -> (String) type.get("name");
        };
    }
}
