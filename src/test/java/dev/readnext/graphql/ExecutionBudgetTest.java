package dev.readnext.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.AbortExecutionException;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;

/** What a running query may spend, on a small schema without Quarkus. */
class ExecutionBudgetTest {

    private final AtomicInteger fetchedAfterTheSlowOne = new AtomicInteger();

    private final GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
            type Query { items(n: Int!): [Item!]! text(n: Int!): String slow: String fast: String }
            type Mutation { items(n: Int!): [Item!]! }
            type Item { name: String! }
            """), RuntimeWiring.newRuntimeWiring()
            .type("Query", type -> type
                    .dataFetcher("items", items())
                    .dataFetcher("text", env -> "t".repeat(env.<Integer>getArgument("n")))
                    .dataFetcher("slow", env -> {
                        Thread.sleep(200);
                        return "done";
                    })
                    .dataFetcher("fast", env -> "fetched " + fetchedAfterTheSlowOne.incrementAndGet()))
            .type("Mutation", type -> type.dataFetcher("items", items()))
            .build());

    private static DataFetcher<List<Map<String, String>>> items() {
        return env -> Collections.nCopies(env.<Integer>getArgument("n"), Map.of("name", "item"));
    }

    private ExecutionResult execute(String query) {
        ExecutionBudget budget = new ExecutionBudget(100, 1000, Duration.ofMillis(50));
        return GraphQL.newGraphQL(schema).instrumentation(budget).build().execute(query);
    }

    private static void assertRefused(ExecutionResult result, String message) {
        assertNull(result.getData(), "no data");
        assertEquals(1, result.getErrors().size(), result.getErrors().toString());
        assertTrue(result.getErrors().get(0) instanceof AbortExecutionException);
        assertTrue(result.getErrors().get(0).getMessage().contains(message), result.getErrors().get(0).getMessage());
    }

    @Test
    void aQueryWithinTheLimitsIsAnswered() {
        ExecutionResult result = execute("{ items(n: 40) { name } text(n: 800) }");
        assertEquals(List.of(), result.getErrors());
        assertEquals(40, ((List<?>) result.<Map<String, Object>>getData().get("items")).size());
    }

    @Test
    void aQueryProducingMoreValuesThanTheLimitIsRefused() {
        assertRefused(execute("{ items(n: 1000) { name } }"), "more than 100 values");
    }

    @Test
    void aQueryFetchingMoreTextThanTheLimitIsRefused() {
        assertRefused(execute("{ text(n: 5000) }"), "more than 1,000 characters");
    }

    @Test
    void pastTheDeadlineNoFurtherFieldIsFetched() {
        assertRefused(execute("{ slow fast }"), "took longer than 50 ms");
        assertEquals(0, fetchedAfterTheSlowOne.get());
    }

    @Test
    void mutationsAreNotLimited() {
        ExecutionResult result = execute("mutation { items(n: 1000) { name } }");
        assertEquals(List.of(), result.getErrors());
    }
}
