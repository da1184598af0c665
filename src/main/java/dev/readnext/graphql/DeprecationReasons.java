package dev.readnext.graphql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLDirective;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;

/**
 * Makes the fields that carry SmallRye's {@code @Deprecated(reason = …)} deprecated in introspection. SmallRye 2.17
 * applies the directive {@code @deprecated(reason: …)} to them but leaves the field itself undeprecated, so
 * introspection answered {@code isDeprecated: false} and GraphiQL and codegen did not warn (and Java's own
 * {@code @Deprecated} has no reason to give). This copies the directive's reason onto the query and mutation fields.
 */
@ApplicationScoped
public class DeprecationReasons {

    void deprecateFromDirectives(@Observes GraphQLSchema.Builder builder) {
        GraphQLSchema schema = builder.build();
        builder.query(deprecated(schema.getQueryType()));
        if (schema.getMutationType() != null) {
            builder.mutation(deprecated(schema.getMutationType()));
        }
    }

    @SuppressWarnings("deprecation") // SmallRye applies its directives the legacy way, as GraphQLDirective
    private static GraphQLObjectType deprecated(GraphQLObjectType type) {
        return type.transform(builder -> type.getFieldDefinitions().stream()
                .filter(field -> !field.isDeprecated() && field.getDirective("deprecated") != null)
                .forEach(field -> {
                    String reason = reason(field.getDirective("deprecated"));
                    builder.field(field.transform(f -> f.deprecate(reason)));
                }));
    }

    @SuppressWarnings("deprecation")
    private static String reason(GraphQLDirective deprecated) {
        GraphQLArgument reason = deprecated.getArgument("reason");
        return reason == null || reason.getArgumentValue().getValue() == null ? "No longer supported"
                : reason.getArgumentValue().getValue().toString();
    }
}
