package dev.readnext.graphql;

import static dev.readnext.graphql.GraphQL.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

/** Closed sets are enums in the served schema, as clients and codegen see it through introspection. */
@QuarkusTest
class SchemaConventionsTest {

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
