package dev.readnext.graphql;

import static graphql.schema.visibility.DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.readnext.ReadnextConfig;
import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLSchema;
import io.smallrye.graphql.execution.QueryCache;
import io.smallrye.graphql.schema.model.Schema;

/**
 * Installs our instrumentation on the GraphQL engine: the depth limits (data, and introspection apart: see
 * {@link QueryDepth}) and the complexity limit, the range check of Int
 * arguments, then the error coding (so it sees the errors of the others too), and last the metrics per operation
 * (which count the errors by the code clients get). SmallRye fires the builder as a CDI event just before building it.
 * <p>
 * The limits are SmallRye's own settings, {@code quarkus.smallrye-graphql.instrumentation-query-depth} and
 * {@code -complexity}, and SmallRye installs them itself when nothing replaces its instrumentation. But it has no way
 * to add one to its chain (the builder has no getter, so the event can only replace the chain), and the error coding
 * must see every result; so this class replaces the chain and installs the limits again from the same keys, the
 * depth one for data only ({@code readnext.graphql.max-introspection-depth} bounds introspection). The
 * chain replaced also held SmallRye's query cache, bounded in entries only (2048 documents of any length): our
 * {@link DocumentCache}, bounded in characters, takes the place of its document provider rather than leaving that
 * half-wired, and fills SmallRye's cache, which SmallRye still reads for its own context.
 * <p>
 * The schema SmallRye built is served with two per-field costs less: {@link PlainFields} reads plain fields, and
 * field look-ups skip a visibility filter that hides nothing.
 * <p>
 * Every {@code @GraphQLApi} class is {@code @Transactional}: the blocking resolvers of one request may run on
 * several worker threads at once, and outside a transaction they would share the request's Hibernate session,
 * which is not thread-safe (quarkusio/quarkus#54971). A transaction gives each resolver a session of its own
 * (the bulk import, which runs its own JDBC transaction, declares NOT_SUPPORTED instead).
 */
@ApplicationScoped
public class GraphQLSetup {

    @ConfigProperty(name = "quarkus.smallrye-graphql.instrumentation-query-depth")
    int maxDepth;

    @ConfigProperty(name = "quarkus.smallrye-graphql.instrumentation-query-complexity")
    int maxComplexity;

    @ConfigProperty(name = "quarkus.smallrye-graphql.field-visibility")
    String fieldVisibility;

    @Inject
    DocumentCache documents;

    /** SmallRye's model of the schema: how each field is read */
    @Inject
    Schema model;

    @Inject
    ReadnextConfig config;

    /** the cost budget checked before execution, and what a running query may spend (both before the error coding) */
    @Inject
    QueryCost cost;

    @Inject
    ExecutionBudget budget;

    @Inject
    OperationMetrics metrics;

    GraphQL.Builder configure(@Observes GraphQL.Builder builder) {
        GraphQL smallRye = builder.build();
        if (smallRye.getPreparsedDocumentProvider() instanceof QueryCache queryCache) {
            documents.feed(queryCache);
        }
        GraphQLSchema schema = smallRye.getGraphQLSchema();
        GraphQLCodeRegistry registry = PlainFields.install(schema, model);
        if (fieldVisibility.equals("default")) {
            // SmallRye takes this default for a pattern of fields to hide (SmallRye 2.17, Bootstrap), matched against
            // "Type.field" at every look-up of a field by name: it hides none
            registry = registry.transform(r -> r.fieldVisibility(DEFAULT_FIELD_VISIBILITY));
        }
        GraphQLCodeRegistry lean = registry;
        return builder
                .schema(schema.transformWithoutTypes(b -> b.codeRegistry(lean)))
                .instrumentation(new ChainedInstrumentation(List.of(
                        new QueryDepth(maxDepth, config.graphql().maxIntrospectionDepth()),
                        new MaxQueryComplexityInstrumentation(maxComplexity),
                        new IntArgumentRange(),
                        cost,
                        budget,
                        new ErrorCodeInstrumentation(),
                        metrics)))
                .preparsedDocumentProvider(documents);
    }
}
