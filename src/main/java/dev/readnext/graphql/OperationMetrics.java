package dev.readnext.graphql;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.readnext.ReadnextConfig;
import dev.readnext.api.ErrorCode;

/**
 * Metrics per GraphQL operation, tagged with its name ({@link OperationNames}: bounded) and its type ({@code query},
 * {@code mutation}, or {@value #UNKNOWN} when the request names no operation the document holds):
 * <ul>
 * <li>{@value #REQUESTS}, a timer from the start of parsing to the result, also tagged {@code outcome}
 * ({@code success}, or {@code error} when the response carries any error): its count is the request count;</li>
 * <li>{@value #ERRORS}, the errors of the responses by their {@code extensions.code}.</li>
 * </ul>
 * Installed after {@link ErrorCodeInstrumentation}, so that it reads the codes clients get. Requests the
 * {@link GraphQLRequestGuard} refuses never reach the engine (a malformed body, a document that does not parse or is
 * too large, an invalid token): their errors are counted with operation and type {@value #UNKNOWN}, and they are
 * not timed here ({@code http.server.requests} has them). SmallRye's own metrics
 * ({@code quarkus.smallrye-graphql.metrics.enabled}) would time resolvers by field, not operations, and in Quarkus
 * 3.31 only those moved off the event loop, which ours never are.
 * <p>
 * The operation is the one the engine ran; a request that fails validation never runs, and then it is looked up in
 * the document the cache keeps (graphql-java does not validate again a document it finds in the cache, so a
 * validation hook would miss repeated requests).
 */
@Singleton
public class OperationMetrics extends OperationInstrumentation {

    static final String REQUESTS = "readnext.graphql.requests";
    static final String ERRORS = "readnext.graphql.errors";
    static final String UNKNOWN = "unknown";
    /** Latency buckets: few and fixed, since every operation name has its own histogram. */
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5) };

    private final MeterRegistry registry;
    private final DocumentCache documents;
    private final OperationNames names;

    @Inject
    public OperationMetrics(MeterRegistry registry, DocumentCache documents, ReadnextConfig config) {
        this.registry = registry;
        this.documents = documents;
        this.names = new OperationNames(config.metrics().maxOperationNames(),
                config.metrics().maxOperationNameLength());
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Request(Timer.start(registry));
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters
            parameters, InstrumentationState state) {
        ((Request) state).operation = parameters.getExecutionContext().getOperationDefinition();
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        Request request = (Request) state;
        Optional<OperationDefinition> operation = Optional.ofNullable(request.operation)
                .or(() -> inCachedDocument(parameters.getQuery(), parameters.getOperation()));
        String name = names.tag(operation.map(OperationDefinition::getName).orElse(parameters.getOperation()));
        String type = operation.map(o -> o.getOperation().name().toLowerCase(Locale.ROOT)).orElse(UNKNOWN);
        request.sample.stop(Timer.builder(REQUESTS)
                .description("GraphQL requests by operation: latency from parsing to the result")
                .tags("operation", name, "type", type, "outcome", result.getErrors().isEmpty() ? "success" : "error")
                .serviceLevelObjectives(BUCKETS)
                .register(registry));
        result.getErrors().forEach(error -> countError(name, type, code(error)));
        return CompletableFuture.completedFuture(result);
    }

    /** A request the guard answered with an error before the engine saw it. */
    void refused(ErrorCode code) {
        countError(UNKNOWN, UNKNOWN, code.name());
    }

    private void countError(String operation, String type, String code) {
        Counter.builder(ERRORS).description("Errors of GraphQL responses by operation and extensions.code")
                .tags("operation", operation, "type", type, "code", code)
                .register(registry)
                .increment();
    }

    private Optional<OperationDefinition> inCachedDocument(String query, String operationName) {
        Document document = documents.parsed(query);
        if (document == null) {
            return Optional.empty();
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operationName == null || operationName.isEmpty()) {
            return operations.size() == 1 ? Optional.of(operations.get(0)) : Optional.empty();
        }
        return operations.stream().filter(o -> operationName.equals(o.getName())).findFirst();
    }

    /** The error's code; every error has one of ours (ErrorCodeInstrumentation), anything else would be INTERNAL. */
    private static String code(GraphQLError error) {
        Map<String, Object> extensions = error.getExtensions();
        Object code = extensions == null ? null : extensions.get("code");
        for (ErrorCode known : ErrorCode.values()) {
            if (known.name().equals(code)) {
                return known.name();
            }
        }
        return ErrorCode.INTERNAL.name();
    }

    private static final class Request implements InstrumentationState {
        final Timer.Sample sample;
        volatile OperationDefinition operation;

        Request(Timer.Sample sample) {
            this.sample = sample;
        }
    }
}
