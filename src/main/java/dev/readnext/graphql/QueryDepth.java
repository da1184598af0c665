package dev.readnext.graphql;

import graphql.ExecutionResult;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;

/**
 * Two depth limits checked before execution: one for data, and a larger one for introspection ({@code __schema},
 * {@code __type}), whose standard query nests {@code ofType} to depth 13 and GraphiQL's to 15. Introspection reads
 * only the small, fixed schema, so its depth costs nothing like data's does; a single limit for both either refuses
 * the tools (codegen, GraphiQL, IDE plugins) or lets data nest deeper. The message keeps graphql-java's wording.
 */
final class QueryDepth extends OperationInstrumentation {

    private final int maxDataDepth;
    private final int maxIntrospectionDepth;

    QueryDepth(int maxDataDepth, int maxIntrospectionDepth) {
        this.maxDataDepth = maxDataDepth;
        this.maxIntrospectionDepth = maxIntrospectionDepth;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        QueryTraverser traverser = QueryTraverser.newQueryTraverser()
                .schema(context.getGraphQLSchema())
                .document(context.getDocument())
                .operationName(context.getExecutionInput().getOperationName())
                .coercedVariables(context.getCoercedVariables())
                .build();
        int[] deepest = new int[2]; // data, introspection
        traverser.visitPreOrder(new graphql.analysis.QueryVisitorStub() {
            @Override
            public void visitField(QueryVisitorFieldEnvironment field) {
                int depth = 1;
                QueryVisitorFieldEnvironment root = field;
                for (QueryVisitorFieldEnvironment parent = field.getParentEnvironment(); parent != null;
                        parent = parent.getParentEnvironment()) {
                    depth++;
                    root = parent;
                }
                int kind = root.getField().getName().startsWith("__") ? 1 : 0;
                deepest[kind] = Math.max(deepest[kind], depth);
            }
        });
        if (deepest[0] > maxDataDepth) {
            throw new AbortExecutionException("maximum query depth exceeded " + deepest[0] + " > " + maxDataDepth);
        }
        if (deepest[1] > maxIntrospectionDepth) {
            throw new AbortExecutionException("maximum introspection depth exceeded " + deepest[1] + " > "
                    + maxIntrospectionDepth);
        }
        return SimpleInstrumentationContext.noOp();
    }
}
