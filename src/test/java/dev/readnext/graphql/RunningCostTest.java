package dev.readnext.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;

/** The bound on the cost of the queries running at once, on a small schema without Quarkus (room for 100). */
class RunningCostTest {

    private static final int CAPACITY = 100;

    private final CountDownLatch finish = new CountDownLatch(1);
    private final CountDownLatch holding = new CountDownLatch(1);

    private final GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
            type Query { items(first: Int = 10): [Item!]! hold: String fail: String }
            type Mutation { items(first: Int = 10): [Item!]! }
            type Item { name: String! tag: String! }
            """), RuntimeWiring.newRuntimeWiring()
            .type("Query", type -> type
                    .dataFetcher("items", items())
                    .dataFetcher("hold", env -> {
                        holding.countDown();
                        return finish.await(30, TimeUnit.SECONDS) ? "held" : "never released";
                    })
                    .dataFetcher("fail", env -> {
                        throw new IllegalStateException("resolver failed");
                    }))
            .type("Mutation", type -> type.dataFetcher("items", items()))
            .build());

    @AfterEach
    void releaseHeldQueries() {
        finish.countDown();
    }

    private static DataFetcher<List<Map<String, String>>> items() {
        return env -> Collections.nCopies(env.<Integer>getArgument("first"), Map.of("name", "item", "tag", "t"));
    }

    private GraphQL graphQL(RunningCost running) {
        return GraphQL.newGraphQL(schema).instrumentation(new QueryCost(1000, running)).build();
    }

    /** Runs a query costing 1 + 60 + 1 = 62 that holds its room until the test ends, once it holds it. */
    private CompletableFuture<ExecutionResult> holdRoom(GraphQL graphQL) throws InterruptedException {
        CompletableFuture<ExecutionResult> held = CompletableFuture.supplyAsync(
                () -> graphQL.execute("{ items(first: 60) { name } hold }"));
        assertTrue(holding.await(30, TimeUnit.SECONDS), "the holding query did not start");
        return held;
    }

    private static void assertBusy(ExecutionResult result) {
        assertNull(result.getData());
        assertEquals(1, result.getErrors().size(), result.getErrors().toString());
        GraphQLError error = result.getErrors().get(0);
        assertTrue(error.getMessage().startsWith("The service is busy with other costly queries (this one costs 51)"),
                error.getMessage());
        assertEquals("BAD_USER_INPUT", error.getExtensions().get("code"));
        assertEquals(true, error.getExtensions().get("retryable"));
    }

    @Test
    void aQueryThatFitsRunsAndGivesItsRoomBackWhenDone() {
        RunningCost running = new RunningCost(CAPACITY, Duration.ZERO);
        ExecutionResult result = graphQL(running).execute("{ items(first: 50) { name } }");
        assertEquals(List.of(), result.getErrors());
        assertEquals(CAPACITY, running.available());
    }

    @Test
    void aCostlyQueryIsRefusedWhileRunningQueriesFillTheRoomButACheapOneStillFits() throws Exception {
        RunningCost running = new RunningCost(CAPACITY, Duration.ZERO);
        GraphQL graphQL = graphQL(running);
        CompletableFuture<ExecutionResult> held = holdRoom(graphQL);
        assertEquals(CAPACITY - 62, running.available());

        assertBusy(graphQL.execute("{ items(first: 50) { name } }"));
        assertEquals(List.of(), graphQL.execute("{ items(first: 30) { name } }").getErrors());

        finish.countDown();
        assertEquals(List.of(), held.get(30, TimeUnit.SECONDS).getErrors());
        assertEquals(CAPACITY, running.available());
    }

    @Test
    void aQueryThatDoesNotFitWaitsForRoomInsteadOfBeingRefusedAtOnce() throws Exception {
        RunningCost running = new RunningCost(CAPACITY, Duration.ofSeconds(30));
        GraphQL graphQL = graphQL(running);
        CompletableFuture<ExecutionResult> held = holdRoom(graphQL);
        // 51 does not fit beside 62: it can only run once the holding query has given its room back
        CompletableFuture<ExecutionResult> waiting = CompletableFuture.supplyAsync(
                () -> graphQL.execute("{ items(first: 50) { name } }"));

        finish.countDown();
        assertEquals(List.of(), waiting.get(30, TimeUnit.SECONDS).getErrors());
        assertEquals(List.of(), held.get(30, TimeUnit.SECONDS).getErrors());
        assertEquals(CAPACITY, running.available());
    }

    @Test
    void theRoomIsGivenBackWhenAResolverFails() {
        RunningCost running = new RunningCost(CAPACITY, Duration.ZERO);
        ExecutionResult result = graphQL(running).execute("{ items(first: 50) { name } fail }");
        assertEquals(1, result.getErrors().size(), result.getErrors().toString());
        assertEquals(CAPACITY, running.available());
    }

    @Test
    void aQueryCostingMoreThanTheWholeRoomRunsAloneRatherThanNever() {
        RunningCost running = new RunningCost(CAPACITY, Duration.ZERO);
        ExecutionResult result = graphQL(running).execute("{ items(first: 100) { name tag } }");
        assertEquals(List.of(), result.getErrors());
        assertEquals(CAPACITY, running.available());
    }

    @Test
    void mutationsDoNotWaitForRoom() throws Exception {
        RunningCost running = new RunningCost(CAPACITY, Duration.ZERO);
        GraphQL graphQL = graphQL(running);
        holdRoom(graphQL);
        assertEquals(List.of(), graphQL.execute("mutation { items(first: 50) { name } }").getErrors());
    }
}
