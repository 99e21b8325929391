package org.hubql.graph.plan;

/** The running plan met something it does not write itself (an error, a null in a non-null field, a refusal). */
final class OffPlan extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OffPlan() {
        super(null, null, false, false);
    }
}
