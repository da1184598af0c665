package dev.readnext.graphql;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.Scalars;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldArgumentEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.ArrayValue;
import graphql.language.IntValue;
import graphql.language.ObjectValue;
import graphql.language.VariableReference;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.util.TraversalControl;
import dev.readnext.api.ErrorCode;

/**
 * Refuses, before execution, an {@code Int} argument (or input field, literal or variable) that is not a 32-bit
 * integer. SmallRye GraphQL 2.17's Int scalar compares the upper bound with {@code Integer.MIN_VALUE}, so a literal
 * such as {@code first: 4294967306} passes validation and wraps to 10, and a variable of that size, or 1.5, fails in
 * the data fetcher as an uncoded coercion error.
 */
class IntArgumentRange extends OperationInstrumentation {

    private static final BigDecimal MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        QueryTraverser.newQueryTraverser()
                .schema(context.getGraphQLSchema())
                .document(context.getDocument())
                .operationName(context.getOperationDefinition().getName())
                .coercedVariables(context.getCoercedVariables())
                .build()
                .visitPreOrder(new QueryVisitorStub() {
                    @Override
                    public TraversalControl visitArgument(QueryVisitorFieldArgumentEnvironment argument) {
                        check(argument);
                        return TraversalControl.CONTINUE;
                    }
                });
        return SimpleInstrumentationContext.noOp();
    }

    private static void check(QueryVisitorFieldArgumentEnvironment argument) {
        Object value = raw(argument.getArgument().getValue(), argument.getVariables());
        Misfit misfit = misfit(argument.getArgument().getName(), argument.getGraphQLArgument().getType(), value);
        if (misfit != null) {
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                    .message(misfit.name() + " must be an Int between " + MIN + " and " + MAX + ", was "
                            + misfit.value())
                    .errorType(ErrorType.ValidationError)
                    .location(argument.getArgument().getSourceLocation())
                    .extensions(Map.of("code", ErrorCode.BAD_USER_INPUT.name(), "field", misfit.name()))
                    .build()));
        }
    }

    private record Misfit(String name, Number value) {
    }

    /** The first Int in the value that is not a 32-bit integer, or null; lists and input objects are searched. */
    private static Misfit misfit(String name, GraphQLInputType type, Object value) {
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        if (bare instanceof GraphQLList list && value instanceof List<?> items) {
            for (Object item : items) {
                Misfit misfit = misfit(name, (GraphQLInputType) list.getWrappedType(), item);
                if (misfit != null) {
                    return misfit;
                }
            }
        } else if (bare instanceof GraphQLInputObjectType object && value instanceof Map<?, ?> fields) {
            for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                Misfit misfit = misfit(field.getName(), field.getType(), fields.get(field.getName()));
                if (misfit != null) {
                    return misfit;
                }
            }
        } else if (bare instanceof GraphQLNamedType named && named.getName().equals(Scalars.GraphQLInt.getName())
                && value instanceof Number number && !isInt(number)) {
            return new Misfit(name, number);
        }
        return null;
    }

    private static boolean isInt(Number number) {
        BigDecimal value = new BigDecimal(number.toString());
        return value.stripTrailingZeros().scale() <= 0 && value.compareTo(MIN) >= 0 && value.compareTo(MAX) <= 0;
    }

    /** A literal as plain values (Ints as numbers, lists, maps), with the coerced values of its variables. */
    private static Object raw(Object literal, Map<String, Object> variables) {
        if (literal instanceof VariableReference variable) {
            return variables.get(variable.getName());
        }
        if (literal instanceof IntValue integer) {
            return integer.getValue();
        }
        if (literal instanceof ArrayValue array) {
            return array.getValues().stream().map(item -> raw(item, variables)).toList();
        }
        if (literal instanceof ObjectValue object) {
            Map<String, Object> fields = new LinkedHashMap<>();
            object.getObjectFields().forEach(field -> fields.put(field.getName(), raw(field.getValue(), variables)));
            return fields;
        }
        return literal;
    }
}
