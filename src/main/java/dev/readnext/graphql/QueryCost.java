package dev.readnext.graphql;

import static java.util.Map.entry;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;

import dev.readnext.ReadnextConfig;
import dev.readnext.api.Paging;

/**
 * The cost of an operation, estimated before anything is fetched, and the refusal of an operation that costs more
 * than the budget ({@code BAD_USER_INPUT} with the cost, the limit and the costliest path). The cost estimates the
 * values the answer will hold, so that one request cannot ask for millions:
 * <pre>
 *   cost(field) = 1 + size(field) × Σ cost(fields selected in it)        __typename costs 0
 * </pre>
 * where size is 1 for a field that is not a list, and for a list:
 * <ul>
 * <li>its {@code first} or {@code last} argument (as given, else first's declared default; the larger of the two;
 * neither: a connection's default page, 20), capped at the largest page, 100;</li>
 * <li>for a list of objects fetched by id ({@code nodes(ids:)}), the number of ids, capped at 100;</li>
 * <li>the {@code first} of the field it is in, when that one is not itself a list: {@code papers(first: 100)}
 * costs its {@code edges} 100 times, {@code nextPapers(first: 8)} its {@code recommendations} 8 times;</li>
 * <li>for lists without paging, a nominal size ({@link #NOMINAL_SIZES}, of the order of the seed's, else
 * {@value #DEFAULT_NOMINAL_SIZE}): such lists grow with the data, which an estimate cannot know, so
 * {@link ExecutionBudget} also counts the values actually produced;</li>
 * <li>1 inside introspection ({@code __schema}, {@code __type}): the schema is small and fixed.</li>
 * </ul>
 * Lists of scalars ({@code authors}, {@code reasons}) select nothing, so they cost 1 whatever their length; a few
 * scalar fields that do much work cost more ({@link #LEAF_COSTS}).
 * <p>
 * A query within the budget then waits for room among the queries running at once ({@link RunningCost}), whose
 * total cost is bounded too.
 * <p>
 * The cost is taken over the normalised operation, the one the engine runs: fragments expanded wherever they are
 * spread, fields of the same name merged, {@code @skip}/{@code @include} applied, variables and defaults resolved.
 * (graphql-java's own complexity traversal visits a fragment once however often it is spread, so twenty aliases
 * of one fragment would cost as one.) The request guard has already bounded the fields ({@link ExpandedFields}),
 * and costs stop growing at {@value #CEILING}, so the sums never overflow.
 */
@Singleton
public class QueryCost extends OperationInstrumentation {

    static final long CEILING = 1_000_000_000_000_000L;
    static final int DEFAULT_NOMINAL_SIZE = 10;

    /** Sizes assumed for lists without paging, by "Type.field"; in the seed: 28 topics, 26 sessions, 107 entries. */
    static final Map<String, Integer> NOMINAL_SIZES = Map.ofEntries(
            entry("Query.topics", 30), entry("Query.courses", 5), entry("Query.readingLists", 10),
            entry("Query.learningPaths", 10),
            entry("Topic.children", 5),
            entry("Course.sections", 10), entry("Course.sessions", 30), entry("CourseSection.sessions", 10),
            entry("CourseSession.readings", 5), entry("CourseSession.readingItems", 5),
            entry("ReadingList.entries", 100),
            entry("LearningPath.steps", 20),
            entry("Paper.topics", 3), entry("Paper.lists", 3), entry("Paper.sessions", 3),
            entry("Recommendation.because", 3));

    /**
     * Fields that select nothing but cost more than one value, by "Type.field": {@code Reader.export} reads and writes
     * up to 2,000 papers (reader.LibraryExport.MAX_PAPERS), so a request holds at most four (under the default limit
     * of 10,000).
     */
    static final Map<String, Integer> LEAF_COSTS = Map.of("Reader.export", 2_000);

    private static final String TOO_COSTLY = "The query costs %,d, more than the limit of %,d (most of it in %s)."
            + " A list costs its size (its first argument, or its nominal size) times the cost of what is selected in"
            + " it; ask for fewer items or nest fewer lists";

    private final long maxCost;
    private final RunningCost running;

    @Inject
    QueryCost(ReadnextConfig config) {
        this(config.graphql().maxCost(), new RunningCost(config.graphql().maxRunningCost(), RunningCost.WAIT));
    }

    QueryCost(long maxCost, RunningCost running) {
        this.maxCost = maxCost;
        this.running = running;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        // the normalised operation is built once per execution and memoised: the engine uses the same one later
        Cost cost = estimate(context.getGraphQLSchema(), context.getNormalizedQueryTree().get());
        if (cost.value() > maxCost) {
            throw new AbortExecutionException(
                    String.format(Locale.ROOT, TOO_COSTLY, cost.value(), maxCost, cost.path()));
        }
        // mutations are authenticated and their cost small: only queries wait for room
        return context.getOperationDefinition().getOperation() == OperationDefinition.Operation.QUERY
                ? running.admit(cost.value())
                : SimpleInstrumentationContext.noOp();
    }

    /**
     * The cost of some fields, and the path to where most of it lies ("paper.related.paper.related"; empty for a
     * field that selects nothing).
     */
    record Cost(long value, String path) {
    }

    /** The cost of an operation, normalised (fragments expanded, fields merged, arguments resolved). */
    static Cost estimate(GraphQLSchema schema, ExecutableNormalizedOperation operation) {
        return ofAll(schema, operation.getTopLevelFields());
    }

    private static Cost ofAll(GraphQLSchema schema, List<ExecutableNormalizedField> fields) {
        long sum = 0;
        Cost costliest = new Cost(-1, "");
        for (ExecutableNormalizedField field : fields) {
            Cost cost = of(schema, field);
            sum = Math.min(CEILING, sum + cost.value());
            costliest = cost.value() > costliest.value() ? cost : costliest;
        }
        return new Cost(sum, costliest.path());
    }

    private static Cost of(GraphQLSchema schema, ExecutableNormalizedField field) {
        if (field.getName().equals("__typename")) {
            return new Cost(0, "");
        }
        if (!field.hasChildren()) {
            int cost = field.getObjectTypeNames().stream()
                    .mapToInt(type -> LEAF_COSTS.getOrDefault(type + "." + field.getName(), 1)).max().orElse(1);
            return new Cost(cost, cost > 1 ? field.getResultKey() : "");
        }
        Cost inside = ofAll(schema, field.getChildren());
        return new Cost(Math.min(CEILING, 1 + size(schema, field) * inside.value()),
                inside.path().isEmpty() ? field.getResultKey() : field.getResultKey() + "." + inside.path());
    }

    private static long size(GraphQLSchema schema, ExecutableNormalizedField field) {
        if (!isList(schema, field) || isIntrospection(field)) {
            return 1;
        }
        if (hasFirst(schema, field)) {
            return first(field);
        }
        if (field.getResolvedArguments().get("ids") instanceof List<?> ids) {
            return Math.min(ids.size(), Paging.MAX_PAGE_SIZE);
        }
        ExecutableNormalizedField enclosing = field.getParent();
        if (enclosing != null && hasFirst(schema, enclosing) && !isList(schema, enclosing)) {
            return first(enclosing);
        }
        return field.getObjectTypeNames().stream()
                .mapToLong(type -> NOMINAL_SIZES.getOrDefault(type + "." + field.getName(), DEFAULT_NOMINAL_SIZE))
                .max().orElse(DEFAULT_NOMINAL_SIZE);
    }

    private static boolean isList(GraphQLSchema schema, ExecutableNormalizedField field) {
        return GraphQLTypeUtil.unwrapNonNull(field.getType(schema)) instanceof GraphQLList;
    }

    private static boolean isIntrospection(ExecutableNormalizedField field) {
        return field.getName().startsWith("__")
                || field.getObjectTypeNames().stream().anyMatch(type -> type.startsWith("__"));
    }

    private static boolean hasFirst(GraphQLSchema schema, ExecutableNormalizedField field) {
        return field.getFieldDefinitions(schema).get(0).getArgument("first") != null;
    }

    /**
     * The page asked for: {@code first} or {@code last}, the larger if both are given (a default of first counts as
     * given), or (neither) the page size of a connection asked for with neither, {@value Paging#DEFAULT_PAGE_SIZE}.
     */
    private static long first(ExecutableNormalizedField field) {
        Map<String, Object> arguments = field.getResolvedArguments();
        long page = arguments.get("first") instanceof Integer first
                ? (arguments.get("last") instanceof Integer last ? Math.max(first, last) : first)
                : arguments.get("last") instanceof Integer last ? last : Paging.DEFAULT_PAGE_SIZE;
        return Math.max(0, Math.min(page, Paging.MAX_PAGE_SIZE));
    }
}
