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

/**
 * The bound on the cost of the queries running at once, on a small schema without Quarkus: room for 100, of which
 * queries costing more than 25 must leave 25 free.
 */
class RunningCostTest {

    private static final int CAPACITY = 100;

    /** {@code hold(gate: …)} holds its query's room until its gate opens, once it holds it */
    private final Map<String, CountDownLatch> gates = Map.of("a", new CountDownLatch(1), "b", new CountDownLatch(1));
    private final Map<String, CountDownLatch> holding = Map.of("a", new CountDownLatch(1), "b", new CountDownLatch(1));

    private final GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
            type Query { items(first: Int = 10): [Item!]! hold(gate: String!): String fail: String }
            type Mutation { items(first: Int = 10): [Item!]! }
            type Item { name: String! tag: String! }
            """), RuntimeWiring.newRuntimeWiring()
            .type("Query", type -> type
                    .dataFetcher("items", items())
                    .dataFetcher("hold", env -> {
                        holding.get(env.<String>getArgument("gate")).countDown();
                        return gates.get(env.<String>getArgument("gate")).await(30, TimeUnit.SECONDS) ? "held" : "never released";
                    })
                    .dataFetcher("fail", env -> {
                        throw new IllegalStateException("resolver failed");
                    }))
            .type("Mutation", type -> type.dataFetcher("items", items()))
            .build());

    @AfterEach
    void releaseHeldQueries() {
        gates.values().forEach(CountDownLatch::countDown);
    }

    private static DataFetcher<List<Map<String, String>>> items() {
        return env -> Collections.nCopies(env.<Integer>getArgument("first"), Map.of("name", "item", "tag", "t"));
    }

    private GraphQL graphQL(RunningCost running) {
        return GraphQL.newGraphQL(schema).instrumentation(new QueryCost(1000, running)).build();
    }

    /** Runs a query costing 1 + 60 + 1 = 62 that holds its room until gate a opens. */
    private CompletableFuture<ExecutionResult> holdRoom(GraphQL graphQL) throws InterruptedException {
        return holdRoom(graphQL, "a", 60);
    }

    /** Runs a query costing {@code items} + 2 that holds its room until the gate opens; returns once it holds it. */
    private CompletableFuture<ExecutionResult> holdRoom(GraphQL graphQL, String gate, int items) throws InterruptedException {
        CompletableFuture<ExecutionResult> held = CompletableFuture.supplyAsync(
                () -> graphQL.execute("{ items(first: " + items + ") { name } hold(gate: \"" + gate + "\") }"));
        assertTrue(holding.get(gate).await(30, TimeUnit.SECONDS), "the holding query did not start");
        return held;
    }

    private static CompletableFuture<ExecutionResult> waitingQuery(GraphQL graphQL, RunningCost running, String query)
            throws InterruptedException {
        int before = running.waiting();
        CompletableFuture<ExecutionResult> waiting = CompletableFuture.supplyAsync(() -> graphQL.execute(query));
        while (running.waiting() == before) {
            Thread.sleep(1); // until it waits for room
        }
        return waiting;
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
        assertEquals(List.of(), graphQL.execute("{ items(first: 20) { name } }").getErrors());

        gates.get("a").countDown();
        assertEquals(List.of(), held.get(30, TimeUnit.SECONDS).getErrors());
        assertEquals(CAPACITY, running.available());
    }

    @Test
    void aQueryThatDoesNotFitWaitsForRoomInsteadOfBeingRefusedAtOnce() throws Exception {
        RunningCost running = new RunningCost(CAPACITY, Duration.ofSeconds(30));
        GraphQL graphQL = graphQL(running);
        CompletableFuture<ExecutionResult> held = holdRoom(graphQL);
        // 51 does not fit beside 62: it can only run once the holding query has given its room back
        CompletableFuture<ExecutionResult> waiting = waitingQuery(graphQL, running, "{ items(first: 50) { name } }");

        gates.get("a").countDown();
        assertEquals(List.of(), waiting.get(30, TimeUnit.SECONDS).getErrors());
        assertEquals(List.of(), held.get(30, TimeUnit.SECONDS).getErrors());
        assertEquals(CAPACITY, running.available());
    }

    @Test
    void aCheapQueryWaitingForRoomRunsAsSoonAsItFitsEvenWhileACostlyOneWaitsBeforeIt() throws Exception {
        RunningCost running = new RunningCost(CAPACITY, Duration.ofSeconds(30));
        GraphQL graphQL = graphQL(running);
        CompletableFuture<ExecutionResult> a = holdRoom(graphQL, "a", 60);
        holdRoom(graphQL, "b", 22);
        assertEquals(CAPACITY - 62 - 24, running.available());
        CompletableFuture<ExecutionResult> costly = waitingQuery(graphQL, running, "{ items(first: 50) { name } }");
        CompletableFuture<ExecutionResult> cheap = waitingQuery(graphQL, running, "{ items(first: 20) { name } }");

        gates.get("b").countDown(); // room for 38: enough for the cheap one (21), not for the costly one (51)
        assertEquals(List.of(), cheap.get(30, TimeUnit.SECONDS).getErrors());
        assertTrue(!costly.isDone() && !a.isDone(), "the costly query still waits for the room a holds");

        gates.get("a").countDown();
        assertEquals(List.of(), costly.get(30, TimeUnit.SECONDS).getErrors());
        assertEquals(CAPACITY, running.available());
    }

    @Test
    void aCostlyQueryThatWouldLeaveLessThanAQuarterOfTheRoomWaitsWhileACheapOneRuns() throws Exception {
        RunningCost running = new RunningCost(CAPACITY, Duration.ZERO);
        GraphQL graphQL = graphQL(running);
        holdRoom(graphQL); // 62: 38 left
        ExecutionResult costly = graphQL.execute("{ items(first: 25) { name } }"); // 26 fits, but would leave 12

        assertEquals(1, costly.getErrors().size(), "refused, not run: " + costly.getData());
        assertEquals(true, costly.getErrors().get(0).getExtensions().get("retryable"));
        assertEquals(List.of(), graphQL.execute("{ items(first: 24) { name } }").getErrors()); // 25 is cheap
    }

    @Test
    void theRoomIsGivenBackWhenAResolverFails() {
        RunningCost running = new RunningCost(CAPACITY, Duration.ZERO);
        ExecutionResult result = graphQL(running).execute("{ items(first: 50) { name } fail }");
        assertEquals(1, result.getErrors().size(), result.getErrors().toString());
        assertEquals(CAPACITY, running.available());
    }

    @Test
    void aQueryCostingMoreThanTheWholeRoomRunsRatherThanNever() {
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
