package dev.readnext.graphql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import graphql.GraphQL;
import graphql.execution.preparsed.NoOpPreparsedDocumentProvider;

/**
 * Installs our instrumentation on the GraphQL engine. SmallRye fires the builder as a CDI event just before
 * building it; setting the instrumentation replaces SmallRye's own chain (query cache), so the document
 * provider is reset too rather than left half-wired.
 */
@ApplicationScoped
public class GraphQLSetup {

    GraphQL.Builder configure(@Observes GraphQL.Builder builder) {
        return builder
                .instrumentation(new ErrorCodeInstrumentation())
                .preparsedDocumentProvider(NoOpPreparsedDocumentProvider.INSTANCE);
    }
}
