package dev.readnext.graphql;

import static graphql.schema.GraphQLList.list;
import static graphql.schema.GraphQLNonNull.nonNull;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;

/**
 * Declares the list-of-ids arguments as {@code [ID!]!}. SmallRye 2.17 cannot take {@code @Id} on a list argument:
 * it binds the ID scalar to the list's Java type and refuses every value ("Unknown Scalar Type [java.util.List]").
 * So these arguments are {@code List<String>} in Java, which SmallRye declares {@code [String!]!}, and this changes
 * only their declared type: graphql-java coerces ID values to the same strings, and the resolvers get them unchanged.
 */
@ApplicationScoped
public class IdListArguments {

    /** Query field → its argument that lists ids. */
    static final Map<String, String> QUERY_ARGUMENTS = Map.of("nodes", "ids");

    void declareAsIds(@Observes GraphQLSchema.Builder builder) {
        GraphQLSchema schema = builder.build();
        GraphQLScalarType id = (GraphQLScalarType) schema.getType("ID");
        GraphQLObjectType query = schema.getQueryType();
        builder.query(query.transform(type -> QUERY_ARGUMENTS.forEach((field, argument) -> {
            GraphQLFieldDefinition definition = query.getFieldDefinition(field);
            type.field(definition.transform(f -> f.argument(definition.getArgument(argument)
                    .transform(a -> a.type(nonNull(list(nonNull(id))))))));
        })));
    }
}
