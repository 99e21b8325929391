package org.hubql.graph;

import java.time.Clock;
import java.time.Duration;

/**
 * How the graph serves requests: page sizes, the time one request may take, what one query may ask for, and
 * whether queries run on {@link BreadthFirstStrategy} (which relies on graphql-java internals) or only on
 * graphql-java's own strategy; {@code clock} says what time it is (for counts relative to now, such as
 * {@code Hub.activeUsers}).
 */
public record GraphOptions(
        PageSize pageSize, Duration requestTimeout, QueryLimits limits, boolean breadthFirst, Clock clock) {
    /** Set to {@code false} ({@code java -Dhubql.breadthFirst=false …}) to run every query on graphql-java's own strategy. */
    public static final String BREADTH_FIRST_PROPERTY = "hubql.breadthFirst";

    /** Breadth-first unless the system property {@value #BREADTH_FIRST_PROPERTY} is {@code false}. */
    public GraphOptions(PageSize pageSize, Duration requestTimeout, QueryLimits limits) {
        this(
                pageSize,
                requestTimeout,
                limits,
                !"false".equalsIgnoreCase(System.getProperty(BREADTH_FIRST_PROPERTY)),
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
        return new GraphOptions(pageSize, requestTimeout, limits, enabled, clock);
    }

    /** These options on another clock: a test's fixed "now". */
    public GraphOptions withClock(Clock other) {
        return new GraphOptions(pageSize, requestTimeout, limits, breadthFirst, other);
    }
}
