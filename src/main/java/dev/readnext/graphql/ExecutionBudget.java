package dev.readnext.graphql;

import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLContext;
import graphql.execution.AbortExecutionException;
import graphql.execution.DataFetcherResult;
import graphql.execution.ResultNodesInfo;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import io.quarkus.logging.Log;

import dev.readnext.ReadnextConfig;

/**
 * What one query may spend while it runs, whatever {@link QueryCost} estimated: lists without paging grow with the
 * data (a reading list can hold 30,000 entries), so the values actually produced are counted. A query that goes
 * past one of the limits stops fetching and is answered with no data and a {@code BAD_USER_INPUT} error naming
 * the limit:
 * <ul>
 * <li>result values (fields and list items), counted by graphql-java itself ({@link ResultNodesInfo});</li>
 * <li>characters of text fetched (titles, abstracts, …), which bounds the size of the response;</li>
 * <li>a deadline, checked before each field is fetched: a resolver already running finishes, nothing after it
 * starts.</li>
 * </ul>
 * Stopping uses graphql-java's own switch: once the allowed result values drop to 0 every further field is
 * answered null without calling its data fetcher. Mutations are not limited: they are authenticated, their
 * results are small, and a write that took long has happened, so its answer must say so.
 */
@Singleton
public class ExecutionBudget extends OperationInstrumentation {

    private static final String TOO_LONG = "The query took longer than %s and was stopped; ask for fewer items or"
            + " fields, or try again later";
    private static final String TOO_MANY_VALUES = "The result holds more than %,d values (fields and list items); ask"
            + " for fewer items or fields";
    private static final String TOO_MUCH_TEXT = "The result holds more than %,d characters of text; ask for fewer"
            + " items or fields";

    private final int maxNodes;
    private final long maxChars;
    private final Duration timeout;

    @Inject
    ExecutionBudget(ReadnextConfig config) {
        this(config.graphql().maxResultNodes(), config.graphql().maxResultChars(), config.graphql().executionTimeout());
    }

    ExecutionBudget(int maxNodes, long maxChars, Duration timeout) {
        this.maxNodes = maxNodes;
        this.maxChars = maxChars;
        this.timeout = timeout;
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Spending(parameters.getExecutionInput().getGraphQLContext(), System.nanoTime() + timeout.toNanos());
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        OperationDefinition operation = parameters.getExecutionContext().getOperationDefinition();
        if (operation.getOperation() == OperationDefinition.Operation.QUERY) {
            ((Spending) state).start();
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        Spending spending = (Spending) state;
        if (!spending.started) {
            return null;
        }
        if (System.nanoTime() > spending.deadline) {
            spending.stop(String.format(Locale.ROOT, TOO_LONG, readable(timeout)));
        }
        return spending;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        // the field that found the deadline passed is not fetched either
        return ((Spending) state).stopped.get() == null ? fetcher : environment -> null;
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        Spending spending = (Spending) state;
        String refusal = spending.refusal();
        if (refusal == null) {
            return CompletableFuture.completedFuture(result);
        }
        Log.infof("GraphQL query stopped: %s", refusal);
        return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult()
                .data(null).addError(new AbortExecutionException(refusal)).build());
    }

    /** The characters of a text value, or of the text values of a list. */
    private static long textLength(Object value) {
        if (value instanceof CharSequence text) {
            return text.length();
        }
        long length = 0;
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                length += item instanceof CharSequence text ? text.length() : 0;
            }
        }
        return length;
    }

    private static String readable(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** One query's spending; also the context that counts the text of every fetched value. */
    private final class Spending implements InstrumentationState, FieldFetchingInstrumentationContext {

        private final GraphQLContext context;
        private final long deadline;
        private final AtomicLong chars = new AtomicLong();
        private final AtomicReference<String> stopped = new AtomicReference<>();
        private volatile boolean started;

        Spending(GraphQLContext context, long deadline) {
            this.context = context;
            this.deadline = deadline;
        }

        void start() {
            context.put(ResultNodesInfo.MAX_RESULT_NODES, maxNodes);
            started = true;
        }

        /** Lets no further field be fetched, and remembers why (the first reason wins). */
        void stop(String reason) {
            if (stopped.compareAndSet(null, reason)) {
                context.put(ResultNodesInfo.MAX_RESULT_NODES, 0);
            }
        }

        @Override
        public void onDispatched() {
            // nothing to count before the value is there
        }

        @Override
        public void onCompleted(Object fetched, Throwable failure) {
            long text = textLength(fetched instanceof DataFetcherResult<?> result ? result.getData() : fetched);
            if (text > 0 && chars.addAndGet(text) > maxChars) {
                stop(String.format(Locale.ROOT, TOO_MUCH_TEXT, maxChars));
            }
        }

        /** Why the query was stopped, or null when it ran within every limit. */
        String refusal() {
            String reason = stopped.get();
            if (reason == null && started
                    && context.get(ResultNodesInfo.RESULT_NODES_INFO) instanceof ResultNodesInfo nodes
                    && nodes.isMaxResultNodesExceeded()) {
                reason = String.format(Locale.ROOT, TOO_MANY_VALUES, maxNodes);
            }
            return reason;
        }
    }
}
