package dev.readnext.graphql;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;

/**
 * Installs our instrumentation on the GraphQL engine: explicit depth and complexity limits, then the error coding
 * (last, so it sees the errors of the limits too). SmallRye fires the builder as a CDI event just before building
 * it; setting the instrumentation replaces SmallRye's own chain (its query cache), so our {@link DocumentCache} takes
 * the place of its document provider rather than leaving that half-wired.
 * <p>
 * Every {@code @GraphQLApi} class is {@code @Transactional}: the blocking resolvers of one request may run on
 * several worker threads at once, and outside a transaction they would share the request's Hibernate session,
 * which is not thread-safe (quarkusio/quarkus#54971). A transaction gives each resolver a session of its own
 * (the bulk import, which runs its own JDBC transaction, declares NOT_SUPPORTED instead).
 */
@ApplicationScoped
public class GraphQLSetup {

    @ConfigProperty(name = "readnext.graphql.max-depth")
    int maxDepth;

    @ConfigProperty(name = "readnext.graphql.max-complexity")
    int maxComplexity;

    @Inject
    DocumentCache documents;

    /** the cost budget checked before execution, and what a running query may spend (both before the error coding) */
    @Inject
    QueryCost cost;

    @Inject
    ExecutionBudget budget;

    GraphQL.Builder configure(@Observes GraphQL.Builder builder) {
        return builder
                .instrumentation(new ChainedInstrumentation(List.of(
                        new MaxQueryDepthInstrumentation(maxDepth),
                        new MaxQueryComplexityInstrumentation(maxComplexity),
                        cost,
                        budget,
                        new ErrorCodeInstrumentation())))
                .preparsedDocumentProvider(documents);
    }
}
