package org.hubql.http;

import java.util.List;

/**
 * How the HTTP layer behaves.
 *
 * @param trace           SQL tracing in responses
 * @param maxRequestBytes the largest request body accepted
 * @param basePath        where every route is served ({@code /} or e.g. {@code /services/hubql}, no trailing slash)
 * @param corsOrigins     the origins whose pages may call the API ({@code *} for any); none by default
 * @param service         whether hubql runs as a JupyterHub service
 */
public record HttpOptions(boolean trace, long maxRequestBytes, String basePath, List<String> corsOrigins, ServiceMode service) {

    public HttpOptions {
        corsOrigins = List.copyOf(corsOrigins);
    }

    /** Served at {@code /}, no CORS, not a service. */
    public static HttpOptions standalone(boolean trace, long maxRequestBytes) {
        return new HttpOptions(trace, maxRequestBytes, "/", List.of(), ServiceMode.STANDALONE);
    }
}
