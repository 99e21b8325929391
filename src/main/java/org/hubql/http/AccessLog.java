package org.hubql.http;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.hubql.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place each request is reported once its answer is sent, Jetty's own refusals included: a line on the
 * {@code hubql.access} logger and the request metrics. The line names the method, the path without its query
 * string, the operation that ran, the status, the time, the SQL statements and the body bytes sent; never a token,
 * a cookie, a document or its variables.
 */
final class AccessLog implements RequestLog {
    private static final Logger LOG = LoggerFactory.getLogger("hubql.access");
    static final String UNMATCHED = "(unmatched)";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");

    private final Metrics metrics;
    private final String basePath;
    private final Set<String> routes;

    /** {@code routes}: the paths under {@code basePath} that hubql serves, {@code /webjars} for all of its files. */
    AccessLog(Metrics metrics, String basePath, Set<String> routes) {
        this.metrics = metrics;
        this.basePath = basePath.equals("/") ? "" : basePath;
        this.routes = Set.copyOf(routes);
    }

    @Override
    public void log(Request request, Response response) {
        long nanos = System.nanoTime() - request.getBeginNanoTime();
        String method = request.getMethod();
        String path = request.getHttpURI().getPath();
        int status = response.getStatus();
        metrics.httpRequest(METHODS.contains(method) ? method : "other", route(path, status), status, nanos);
        Optional<ExecutedOperation> executed = ExecutedOperation.of(request);
        String operation = executed.map(ExecutedOperation::operationName).orElse("-");
        int statements = executed.map(run -> run.sql().count()).orElse(0);
        executed.ifPresent(run -> metrics.graphQLRequest(operation, run.outcome(), run.errorCodes(), run.sql(), nanos));
        long bytes = Response.getContentBytesWritten(response);
        long ms = TimeUnit.NANOSECONDS.toMillis(nanos);
        LOG.atInfo()
                .addKeyValue("method", method)
                .addKeyValue("path", path)
                .addKeyValue("operation", operation)
                .addKeyValue("status", status)
                .addKeyValue("ms", ms)
                .addKeyValue("sql", statements)
                .addKeyValue("bytes", bytes)
                .log(
                        "method={} path={} operation={} status={} ms={} sql={} bytes={}",
                        method,
                        path,
                        operation,
                        status,
                        ms,
                        statements,
                        bytes);
    }

    /** The route's path under the base path; a fixed word for any other path, so that the label stays bounded. */
    private String route(String path, int status) {
        if (status == 404 || !path.startsWith(basePath)) {
            return UNMATCHED;
        }
        String route = path.substring(basePath.length());
        if (route.isEmpty()) {
            route = "/";
        } else if (route.startsWith("/webjars/")) {
            route = "/webjars";
        }
        return routes.contains(route) ? route : UNMATCHED;
    }
}
