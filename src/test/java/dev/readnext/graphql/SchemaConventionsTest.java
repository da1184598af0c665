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
}
