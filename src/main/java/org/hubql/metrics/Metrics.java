package org.hubql.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.hubql.auth.TokenAuthenticator;
import org.hubql.db.Database;
import org.hubql.db.SqlTrace;

/**
 * hubql's metrics, in one Micrometer registry scraped in the Prometheus text format. The HTTP layer reports each
 * request once it is answered ({@link #httpRequest}, {@link #graphQLRequest}); the pool, the token cache and the
 * JVM publish their own. Label values are bounded: routes and error codes are hubql's own, operation names are
 * those of operations that ran, at most {@value #MAX_OPERATIONS} distinct ones.
 */
public final class Metrics implements AutoCloseable {
    /** The Prometheus text exposition format, version 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    static final int MAX_OPERATIONS = 100;
    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)
    };
    private static final double[] COUNT_BUCKETS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final OperationNames operations = new OperationNames(MAX_OPERATIONS);
    private final Meter.MeterProvider<Timer> httpRequests;
    private final Meter.MeterProvider<Timer> graphQLRequests;
    private final Meter.MeterProvider<Counter> graphQLErrors;
    private final Counter sqlStatements;
    private final DistributionSummary statementsPerRequest;
    private final Timer sqlPerRequest;
    private final Meter.MeterProvider<DistributionSummary> batchSizes;
    // each request's meters by their labels, looked up without Micrometer building and sorting a meter id per request;
    // the labels are bounded, so these are too
    private final Map<HttpLabels, Timer> httpTimers = new ConcurrentHashMap<>();
    private final Map<GraphQLLabels, Timer> graphQLTimers = new ConcurrentHashMap<>();
    private final Map<String, DistributionSummary> batchSummaries = new ConcurrentHashMap<>();

    private record HttpLabels(String method, String route, int status) {}

    private record GraphQLLabels(String operation, String outcome) {}

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        httpRequests = Timer.builder("hubql.http.requests")
                .description("HTTP requests by route, method and status")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .withRegistry(registry);
        graphQLRequests = Timer.builder("hubql.graphql.requests")
                .description("GraphQL operations that executed, by operation name and outcome")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .withRegistry(registry);
        graphQLErrors = Counter.builder("hubql.graphql.errors")
                .description("GraphQL errors in responses, by extensions.code")
                .withRegistry(registry);
        sqlStatements = Counter.builder("hubql.sql.statements")
                .description("SQL statements run for GraphQL requests")
                .register(registry);
        statementsPerRequest = DistributionSummary.builder("hubql.graphql.sql.statements")
                .description("SQL statements per GraphQL request")
                .serviceLevelObjectives(COUNT_BUCKETS)
                .register(registry);
        sqlPerRequest = Timer.builder("hubql.graphql.sql")
                .description("Time spent in SQL per GraphQL request")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
        batchSizes = DistributionSummary.builder("hubql.dataloader.batch.size")
                .description("Keys per DataLoader batch, by loader")
                .serviceLevelObjectives(COUNT_BUCKETS)
                .withRegistry(registry);
    }

    /** The pool's gauges and timers ({@code hikaricp_connections…}), published by HikariCP itself. */
    public void publish(Database database) {
        database.publishPoolMetrics(registry);
    }

    /** How often a token was answered from the cache of verified tokens, and how often from the database. */
    public void publish(TokenAuthenticator tokens) {
        FunctionCounter.builder("hubql.auth.cache.requests", tokens, TokenAuthenticator::cacheHits)
                .description("Token verifications, by whether the cache answered")
                .tag("result", "hit")
                .register(registry);
        FunctionCounter.builder("hubql.auth.cache.requests", tokens, TokenAuthenticator::cacheMisses)
                .description("Token verifications, by whether the cache answered")
                .tag("result", "miss")
                .register(registry);
    }

    /** One answered HTTP request; {@code route} is one of hubql's routes, or a fixed word for the rest. */
    public void httpRequest(String method, String route, int status, long nanos) {
        httpTimers
                .computeIfAbsent(
                        new HttpLabels(method, route, status),
                        labels -> httpRequests.withTags(
                                "method", method, "route", route, "status", String.valueOf(status)))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * One GraphQL request that reached the engine.
     *
     * @param operation  the name of the operation that ran, or one of the fixed words for none
     * @param outcome    {@code success}, {@code partial} (data and errors) or {@code error} (no data)
     * @param errorCodes the {@code extensions.code} of each error in the response
     */
    public void graphQLRequest(String operation, String outcome, List<String> errorCodes, SqlTrace sql, long nanos) {
        graphQLTimers
                .computeIfAbsent(
                        new GraphQLLabels(operations.label(operation), outcome),
                        labels -> graphQLRequests.withTags("operation", labels.operation(), "outcome", outcome))
                .record(nanos, TimeUnit.NANOSECONDS);
        errorCodes.forEach(code -> graphQLErrors.withTags("code", code).increment());
        sqlStatements.increment(sql.count());
        statementsPerRequest.record(sql.count());
        sqlPerRequest.record(sql.nanos(), TimeUnit.NANOSECONDS);
        sql.batches().forEach((loader, sizes) -> {
            DistributionSummary summary =
                    batchSummaries.computeIfAbsent(loader, name -> batchSizes.withTags("loader", name));
            sizes.forEach(summary::record);
        });
    }

    /** Every metric, in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
