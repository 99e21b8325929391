package org.hubql.http;

import java.time.Duration;
import java.util.List;

/**
 * How the HTTP layer behaves.
 *
 * @param trace           SQL tracing in responses
 * @param maxRequestBytes the largest request body accepted
 * @param basePath        where every route is served ({@code /} or e.g. {@code /services/hubql}, no trailing slash)
 * @param corsOrigins     the origins whose pages may call the API ({@code *} for any); none by default
 * @param service         whether hubql runs as a JupyterHub service
 * @param connections     how long connections may idle and stall, how many there may be, how long shutdown waits
 * @param metricsOpen     whether {@code /metrics} is served without a token ({@code --metrics-open})
 * @param documents       which documents run: any (with automatic persisted queries), or trusted ones only
 */
public record HttpOptions(
        boolean trace,
        long maxRequestBytes,
        String basePath,
        List<String> corsOrigins,
        ServiceMode service,
        Connections connections,
        boolean metricsOpen,
        DocumentPolicy documents) {

    public HttpOptions {
        corsOrigins = List.copyOf(corsOrigins);
    }

    /** With {@code /metrics} protected by the {@code read:metrics} scope, running any document. */
    public HttpOptions(
            boolean trace,
            long maxRequestBytes,
            String basePath,
            List<String> corsOrigins,
            ServiceMode service,
            Connections connections) {
        this(trace, maxRequestBytes, basePath, corsOrigins, service, connections, false, DocumentPolicy.anyDocument());
    }

    public HttpOptions withMetricsOpen(boolean open) {
        return new HttpOptions(trace, maxRequestBytes, basePath, corsOrigins, service, connections, open, documents);
    }

    public HttpOptions withDocuments(DocumentPolicy policy) {
        return new HttpOptions(
                trace, maxRequestBytes, basePath, corsOrigins, service, connections, metricsOpen, policy);
    }

    /**
     * @param idleTimeout     how long a read of a request body or a write of a response may stall
     * @param maxConnections  open connections accepted at once; past that, new ones wait in the kernel's backlog
     * @param shutdownTimeout how long requests in flight may take to finish once hubql is told to stop
     */
    public record Connections(Duration idleTimeout, int maxConnections, Duration shutdownTimeout) {
        public static Connections defaults() {
            return new Connections(Duration.ofSeconds(10), 1024, Duration.ofSeconds(10));
        }
    }

    /** Served at {@code /}, no CORS, not a service, default connection limits. */
    public static HttpOptions standalone(boolean trace, long maxRequestBytes) {
        return new HttpOptions(trace, maxRequestBytes, "/", List.of(), ServiceMode.STANDALONE, Connections.defaults());
    }
}
