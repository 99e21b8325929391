package org.hubql.graph;

import java.time.Duration;

/** How the graph serves requests: page sizes and the time one request may take. */
public record GraphOptions(PageSize pageSize, Duration requestTimeout) {

    public static GraphOptions defaults() {
        return new GraphOptions(new PageSize(100, 1000), Duration.ofSeconds(30));
    }
}
