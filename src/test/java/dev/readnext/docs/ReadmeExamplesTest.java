package dev.readnext.docs;

import static dev.readnext.graphql.GraphQL.as;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.readnext.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every GraphQL example of the README, posted verbatim to the service: each ```graphql block, with the variables of
 * the ```json block right after it if there is one; mutations with an editor token. None may answer with an error.
 */
@QuarkusTest
class ReadmeExamplesTest {

    private static final Pattern BLOCK = Pattern.compile(
            "```graphql\\n(.*?)```(?:\\s*```json\\n(.*?)```)?", Pattern.DOTALL);

    record Example(String document, Map<String, Object> variables) {
        @Override
        public String toString() {
            return document.lines().findFirst().orElse("").strip();
        }
    }

    static List<Example> examples() throws IOException {
        Matcher block = BLOCK.matcher(Files.readString(Path.of("README.md")));
        List<Example> examples = new ArrayList<>();
        while (block.find()) {
            Map<String, Object> variables = block.group(2) == null ? Map.of()
                    : new ObjectMapper().readValue(block.group(2), new TypeReference<Map<String, Object>>() {
                    });
            examples.add(new Example(block.group(1), variables));
        }
        return examples;
    }

    @Test
    void theReadmeHasExamplesOfIdsConnectionsAndPayloadMutations() throws IOException {
        List<String> documents = examples().stream().map(Example::document).toList();
        assertTrue(documents.size() >= 10, "examples: " + documents.size());
        for (String shown : List.of("nodes(ids:", "Connection(", "pageInfo", "clientMutationId", "databaseId")) {
            assertTrue(documents.stream().anyMatch(d -> d.contains(shown)), "no example shows " + shown);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void runsVerbatimWithoutErrors(Example example) {
        boolean mutation = example.document().strip().startsWith("mutation");
        Map<String, Object> data = as(mutation ? Tokens.editor() : null, example.document(), example.variables())
                .statusCode(200)
                .body("errors", nullValue())
                .body("data", notNullValue())
                .extract().path("data");
        if (data.get("paperCreate") instanceof Map<?, ?> created) {
            // the example adds a paper: take it away again, so that every run starts from the same papers
            Object id = ((Map<?, ?>) created.get("paper")).get("id");
            as(Tokens.editor(), "mutation ($id: ID!) { paperDelete(input: { id: $id }) { deletedPaperId } }",
                    Map.of("id", id)).body("errors", nullValue());
        }
    }
}
