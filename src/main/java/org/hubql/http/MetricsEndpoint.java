package org.hubql.http;

import io.javalin.http.Context;
import java.util.List;
import org.hubql.graph.ErrorCodes;
import org.hubql.metrics.Metrics;

/**
 * {@code GET /metrics}: every metric in the Prometheus text format, for a token whose scopes include
 * {@code read:metrics} (JupyterHub's own scope for its {@code /metrics}), or for anyone with {@code --metrics-open}.
 */
final class MetricsEndpoint {
    static final String SCOPE = "read:metrics";

    private final Metrics metrics;
    private final Authentication authentication;
    private final boolean open;

    MetricsEndpoint(Metrics metrics, Authentication authentication, boolean open) {
        this.metrics = metrics;
        this.authentication = authentication;
        this.open = open;
    }

    /** The before-handler: 401 without a valid token, 403 for a token without {@code read:metrics}. */
    void authorize(Context ctx) {
        if (open) {
            return;
        }
        authentication.check(ctx);
        if (!Authentication.viewer(ctx).grants().coversAll(List.of(SCOPE))) {
            throw new HttpProblem(
                    403, ErrorCodes.FORBIDDEN, "reading the metrics needs the scope " + SCOPE, List.of(SCOPE));
        }
    }

    void serve(Context ctx) {
        ctx.contentType(Metrics.CONTENT_TYPE).result(metrics.scrape());
    }
}
