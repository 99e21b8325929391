package org.hubql.graph;

import graphql.ExecutionResult;
import graphql.analysis.QueryComplexityCalculator;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.ExecutionStrategyInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * hubql's instrumentations, chained: the {@link Limits}, which look at each operation before it runs, and
 * {@link Authorization}, which wraps data fetchers for viewers whose scopes are restricted; then each operation waits
 * for its slot in the {@link ExecutionLanes}, chosen by its {@link QueryCost}.
 *
 * <p>None of them observes the execution of each object or field, so those hooks answer "nothing to do" at once
 * instead of asking every instrumentation, as {@link ChainedInstrumentation} would for each of the tens of
 * thousands of fields a wide query resolves. And the limits depend only on the document, the operation and the
 * variables, so an operation that passed them is not walked again when it comes back with the same variables, as
 * a polling dashboard's does.
 */
final class HubInstrumentation extends ChainedInstrumentation {
    private static final int REMEMBERED = 1_000;
    /** The cost of each operation that passed the limits. */
    private final Map<Passed, Integer> passed = new ConcurrentHashMap<>();

    private final QueryCost cost;

    HubInstrumentation(List<Instrumentation> limits, Authorization authorization, QueryCost cost) {
        super(Stream.concat(limits.stream(), Stream.of(authorization)).toList());
        this.cost = cost;
    }

    /**
     * Checks the limits (once per operation and variables), then waits for the operation's slot in the
     * {@link ExecutionLanes} (every time).
     */
    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, @Nullable InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        Passed operation = new Passed(
                execution.getDocument(),
                execution.getOperationDefinition(),
                execution.getCoercedVariables().toMap());
        Integer known = passed.get(operation);
        InstrumentationContext<ExecutionResult> context =
                known == null ? super.beginExecuteOperation(parameters, state) : SimpleInstrumentationContext.noOp();
        int operationCost = known == null ? costOf(execution) : known;
        if (known == null) {
            if (passed.size() >= REMEMBERED) {
                passed.clear();
            }
            passed.put(operation, operationCost);
        }
        ExecutionLanes.Admission admission = execution.getGraphQLContext().get(ExecutionLanes.Admission.class);
        if (admission != null) {
            admission.enter(operationCost);
        }
        return context;
    }

    private int costOf(ExecutionContext execution) {
        return QueryComplexityCalculator.newCalculator()
                .fieldComplexityCalculator(cost)
                .schema(execution.getGraphQLSchema())
                .document(execution.getDocument())
                .operationName(execution.getOperationDefinition().getName())
                .variables(execution.getCoercedVariables())
                .build()
                .calculate();
    }

    /** An operation of a parsed document (the same instance while {@link DocumentCache} holds it) with its variables. */
    private record Passed(Document document, OperationDefinition operation, Map<String, Object> variables) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Passed that
                    && document == that.document
                    && operation == that.operation
                    && variables.equals(that.variables);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(operation) + variables.hashCode();
        }
    }

    @Override
    public @Nullable ExecutionStrategyInstrumentationContext beginExecutionStrategy(
            InstrumentationExecutionStrategyParameters parameters, @Nullable InstrumentationState state) {
        return null;
    }

    @Override
    public @Nullable ExecuteObjectInstrumentationContext beginExecuteObject(
            InstrumentationExecutionStrategyParameters parameters, @Nullable InstrumentationState state) {
        return null;
    }

    @Override
    public @Nullable InstrumentationContext<Object> beginDeferredField(
            InstrumentationFieldParameters parameters, @Nullable InstrumentationState state) {
        return null;
    }

    @Override
    public @Nullable InstrumentationContext<Object> beginFieldExecution(
            InstrumentationFieldParameters parameters, @Nullable InstrumentationState state) {
        return null;
    }

    @Override
    public @Nullable InstrumentationContext<Object> beginFieldFetch(
            InstrumentationFieldFetchParameters parameters, @Nullable InstrumentationState state) {
        return null;
    }

    @Override
    public @Nullable FieldFetchingInstrumentationContext beginFieldFetching(
            InstrumentationFieldFetchParameters parameters, @Nullable InstrumentationState state) {
        return null;
    }

    @Override
    public @Nullable InstrumentationContext<Object> beginFieldCompletion(
            InstrumentationFieldCompleteParameters parameters, @Nullable InstrumentationState state) {
        return null;
    }

    @Override
    public @Nullable InstrumentationContext<Object> beginFieldListCompletion(
            InstrumentationFieldCompleteParameters parameters, @Nullable InstrumentationState state) {
        return null;
    }
}
