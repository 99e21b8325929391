package org.hubql.graph.plan;

import graphql.execution.ExecutionContext;

/** A compiled operation: the selection on the query type, run once per request. */
record Plan(Selection root) {

    /**
     * Runs the plan for one request and writes its data.
     *
     * @throws OffPlan when the answer would need more than the plan writes (an error, a refusal, a null in a
     *     non-null field); nothing was written
     */
    RenderedData run(ExecutionContext context, ViewerReads reads) {
        Object[] data = new PlanRun(context, reads).execute(root);
        return new RenderedData(PlanJson.render(root, data));
    }
}
