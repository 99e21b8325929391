package org.hubql.graph.plan;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategy;
import graphql.execution.ExecutionStrategyParameters;
import graphql.language.OperationDefinition;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs an operation on its compiled {@link Plan} when it has one, and on the wrapped strategy otherwise. graphql-java
 * has parsed, validated and instrumented the operation (limits, cost, lanes) before a strategy runs, so a plan only
 * replaces execution. Plans are compiled once per operation of a cached document (documents are cached by text)
 * and do not depend on the viewer: the viewer's reads are checked on every run, through {@link ViewerReads}, which
 * the request puts in its {@link graphql.GraphQLContext}. Without it, nothing runs on a plan.
 *
 * <p>A plan that meets an error, a refusal or a null in a non-null field hands the operation to graphql-java's own
 * {@link AsyncExecutionStrategy} (which this class extends), not to the wrapped strategy: the plan stopped where
 * the breadth-first strategy would have stopped, with the same loads queued, so graphql-java's strategy writes the
 * same errors in the same order as after the breadth-first strategy's own hand-back. Being an
 * {@link AsyncExecutionStrategy} also serves graphql-java's calls to the query strategy for nested objects.
 */
public final class PlanStrategy extends AsyncExecutionStrategy {
    private static final int PLANS = 1_000;

    private final ExecutionStrategy wrapped;
    private final Cache<OperationDefinition, Optional<Plan>> plans =
            Caffeine.newBuilder().weakKeys().maximumSize(PLANS).build();
    private final LongAdder planned = new LongAdder();
    private final LongAdder handedBack = new LongAdder();

    public PlanStrategy(DataFetcherExceptionHandler exceptionHandler, ExecutionStrategy wrapped) {
        super(exceptionHandler);
        this.wrapped = wrapped;
    }

    @Override
    public CompletableFuture<ExecutionResult> execute(
            ExecutionContext context, ExecutionStrategyParameters parameters) {
        ViewerReads reads = context.getGraphQLContext().get(ViewerReads.class);
        Optional<Plan> plan = reads == null
                ? Optional.empty()
                : plans.get(
                        context.getOperationDefinition(),
                        operation -> PlanCompiler.compile(
                                context.getGraphQLSchema(), operation, context.getFragmentsByName()));
        if (plan.isEmpty()) {
            return wrapped.execute(context, parameters);
        }
        try {
            RenderedData data = plan.get().run(context, reads);
            planned.increment();
            return CompletableFuture.completedFuture(
                    ExecutionResult.newExecutionResult().data(data).build());
        } catch (OffPlan offPlan) {
            handedBack.increment();
            return super.execute(context, parameters);
        }
    }

    /** How many operations ran on a plan. */
    public long planned() {
        return planned.sum();
    }

    /** How many operations had a plan but were handed to the wrapped strategy while running it. */
    public long handedBack() {
        return handedBack.sum();
    }
}
