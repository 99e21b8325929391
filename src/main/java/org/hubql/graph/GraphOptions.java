package org.hubql.graph;

import java.time.Clock;
import java.time.Duration;

/**
 * How the graph serves requests: page sizes, the time one request may take, what one query may ask for, and
 * whether queries run on {@link BreadthFirstStrategy} (which relies on graphql-java internals) or only on
 * graphql-java's own strategy; whether the operations plans cover run on their compiled plan
 * ({@link org.hubql.graph.plan.PlanStrategy}, which relies on the same internals); {@code clock} says what time it is (for counts relative to now, such as
 * {@code Hub.activeUsers}).
 */
public record GraphOptions(
        PageSize pageSize,
        Duration requestTimeout,
        QueryLimits limits,
        boolean breadthFirst,
        boolean plans,
        Clock clock) {
    /** Set to {@code false} ({@code java -Dhubql.breadthFirst=false …}) to run every query on graphql-java's own strategy. */
    public static final String BREADTH_FIRST_PROPERTY = "hubql.breadthFirst";

    /** Set to {@code false} ({@code java -Dhubql.plans=false …}) to run no query on a compiled plan. */
    public static final String PLANS_PROPERTY = "hubql.plans";

    /**
     * Breadth-first unless the system property {@value #BREADTH_FIRST_PROPERTY} is {@code false}; compiled plans
     * unless {@value #PLANS_PROPERTY} is {@code false}.
     */
    public GraphOptions(PageSize pageSize, Duration requestTimeout, QueryLimits limits) {
        this(
                pageSize,
                requestTimeout,
                limits,
                !"false".equalsIgnoreCase(System.getProperty(BREADTH_FIRST_PROPERTY)),
                !"false".equalsIgnoreCase(System.getProperty(PLANS_PROPERTY)),
                Clock.systemUTC());
    }

    public GraphOptions(PageSize pageSize, Duration requestTimeout) {
        this(pageSize, requestTimeout, QueryLimits.defaults());
    }

    public static GraphOptions defaults() {
        return new GraphOptions(new PageSize(100, 1000), Duration.ofSeconds(30));
    }

    /** These options with breadth-first execution on or off. */
    public GraphOptions withBreadthFirst(boolean enabled) {
        return new GraphOptions(pageSize, requestTimeout, limits, enabled, plans, clock);
    }

    /** These options with compiled plans on or off. */
    public GraphOptions withPlans(boolean enabled) {
        return new GraphOptions(pageSize, requestTimeout, limits, breadthFirst, enabled, clock);
    }

    /** These options on another clock: a test's fixed "now". */
    public GraphOptions withClock(Clock other) {
        return new GraphOptions(pageSize, requestTimeout, limits, breadthFirst, plans, other);
    }
}
