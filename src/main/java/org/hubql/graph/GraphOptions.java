package org.hubql.graph;

import java.time.Duration;

/** How the graph serves requests: page sizes, the time one request may take and what one query may ask for. */
public record GraphOptions(PageSize pageSize, Duration requestTimeout, QueryLimits limits) {

    public GraphOptions(PageSize pageSize, Duration requestTimeout) {
        this(pageSize, requestTimeout, QueryLimits.defaults());
    }

    public static GraphOptions defaults() {
        return new GraphOptions(new PageSize(100, 1000), Duration.ofSeconds(30));
    }
}
