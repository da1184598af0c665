package dev.readnext.graphql;

import java.lang.reflect.Method;
import java.util.Set;

import graphql.GraphQLException;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.schema.model.Schema;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.schema.model.Wrapper;

/**
 * Plain fields read by a plain accessor instead of SmallRye's {@link FieldDataFetcher}. For every field of every
 * result object that one clones the request's context and builds the field's selection as JSON, twice, for code
 * that might read the context (SmallRye 2.17, {@code SmallRyeContextManager.populateFromDataFetchingEnvironment}):
 * a getter or record component reads none, and a relatedPapers answer of 10 has 60 such fields. Plain means what
 * SmallRye would return unchanged: no scalar transformation (a format, or a Java type other than the scalar's own
 * and not a number), no adapter, and no wrapper but lists (which it copies, element by element).
 */
final class PlainFields {

    private static final Set<String> NUMBERS = Set.of("int", "long", "short", "byte", "double", "float",
            Integer.class.getName(), Long.class.getName(), Short.class.getName(), Byte.class.getName(),
            Double.class.getName(), Float.class.getName());

    private PlainFields() {
    }

    /** The schema's code registry with plain fields read by plain accessors. */
    static GraphQLCodeRegistry install(GraphQLSchema schema, Schema model) {
        GraphQLCodeRegistry registry = schema.getCodeRegistry();
        return registry.transform(builder -> {
            for (Type type : model.getTypes().values()) {
                if (type.hasFields() && schema.getType(type.getName()) instanceof GraphQLObjectType object) {
                    for (Field field : type.getFields().values()) {
                        GraphQLFieldDefinition definition = object.getFieldDefinition(field.getName());
                        if (definition != null && isPlain(field)
                                && registry.getDataFetcher(object, definition) instanceof FieldDataFetcher) {
                            builder.dataFetcher(FieldCoordinates.coordinates(object, definition),
                                    new Accessor(property(type, field)));
                        }
                    }
                }
            }
        });
    }

    static boolean isPlain(Field field) {
        Reference reference = field.getReference();
        // (a number SmallRye only hands on, its NumberTransformer.out being the identity)
        boolean transformed = reference.getType() == ReferenceType.SCALAR
                && !reference.getClassName().equals(reference.getGraphQLClassName())
                && !NUMBERS.contains(reference.getClassName());
        boolean adapted = field.isAdaptingWith() || field.isAdaptingTo() || reference.isAdaptingWith()
                || reference.isAdaptingTo();
        return !transformed && !adapted && !field.hasTransformation() && onlyLists(field.getWrapper());
    }

    private static boolean onlyLists(Wrapper wrapper) {
        return wrapper == null || wrapper.isCollection() && onlyLists(wrapper.getWrapper());
    }

    /** The getter, or else the public field, that SmallRye reads. */
    private static Property property(Type type, Field field) {
        try {
            Class<?> owner = Class.forName(type.getClassName(), false, Thread.currentThread().getContextClassLoader());
            if (field.getMethodName() != null) {
                Method getter = owner.getMethod(field.getMethodName());
                return getter::invoke;
            }
            return owner.getField(field.getPropertyName())::get;
        } catch (ReflectiveOperationException e) {
            throw new GraphQLException(e);
        }
    }

    private interface Property {
        Object of(Object source) throws ReflectiveOperationException;
    }

    private record Accessor(Property property) implements TrivialDataFetcher<Object> {
        @Override
        public Object get(DataFetchingEnvironment environment) throws ReflectiveOperationException {
            return property.of(environment.getSource());
        }
    }
}
