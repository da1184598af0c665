package dev.readnext.graphql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import graphql.Directives;
import graphql.Scalars;
import graphql.introspection.Introspection.DirectiveLocation;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLDirective;
import graphql.schema.GraphQLSchema;

/**
 * Takes SmallRye's {@code @constraint} directive out of the schema, and with it the scalars {@code BigInteger} and
 * {@code BigDecimal}, which only its arguments ({@code min}, {@code max}, {@code minFloat}, {@code maxFloat}) use.
 * <p>
 * SmallRye GraphQL declares {@code @constraint} in every schema, whether or not an argument carries a Bean Validation
 * annotation (it applies the directive only to those that do); no setting turns the declaration off
 * ({@code quarkus.smallrye-graphql.schema-include-scalars} and {@code -include-directives} only change what the
 * printed {@code /graphql/schema.graphql} shows, not introspection). Our arguments carry no such annotation: their
 * limits are checked in the code and stated in their descriptions. So GraphiQL and codegen listed a directive that
 * never applies and two scalars nothing returns or takes.
 * <p>
 * SmallRye fires the schema builder as a CDI event just before building it. The builder can drop all its
 * directives but not one, so this drops all and adds back the ones SmallRye or graphql-java would have had there:
 * {@code @include} and {@code @skip} (graphql-java's; the other built-ins it adds again by itself when building) and
 * SmallRye's {@code @rolesAllowed}, applied to the editors' mutations, redeclared as SmallRye declares it. Should
 * an argument ever carry a Bean Validation annotation, the schema would fail to build at start (a directive applied
 * but not declared): then delete this class. {@code SchemaConventionsTest} checks the directives and scalars served.
 */
@ApplicationScoped
public class SchemaDirectives {

    /** SmallRye's declaration ({@code RolesAllowedDirectivesHelper}), with its argument described. */
    static final GraphQLDirective ROLES_ALLOWED = GraphQLDirective.newDirective()
            .name("rolesAllowed")
            .description("Used to specify the role required to execute a given field or operation.")
            .validLocation(DirectiveLocation.FIELD_DEFINITION)
            .argument(GraphQLArgument.newArgument().name("value").type(Scalars.GraphQLString)
                    .description("The role a caller needs"))
            .build();

    void withoutConstraintDirective(@Observes GraphQLSchema.Builder builder) {
        builder.clearDirectives()
                .additionalDirective(Directives.IncludeDirective)
                .additionalDirective(Directives.SkipDirective)
                .additionalDirective(ROLES_ALLOWED);
    }
}
