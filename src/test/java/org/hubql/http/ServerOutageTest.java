package org.hubql.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hubql.testkit.PrivateServer;
import org.hubql.testkit.RunningGateway;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A PostgreSQL and a MariaDB server of the test's own, each stopped and started again under load: while it is down, requests in
 * flight and new ones answer 503 {@code DATABASE_UNAVAILABLE} (never 500), well before the 10 s a default
 * connection timeout would take, and {@code /readyz} answers 503 on time; once it is back, hubql recovers by itself.
 */
@Tag("slow")
class ServerOutageTest {
    private static final String USERS = "{ users { totalCount nodes { name groups { name } } } }";
    /** Far above hubql's 2 s connect timeout, and below the 10 s default it replaces. */
    private static final Duration FAIL_FAST_BOUND = Duration.ofSeconds(8);

    private static final Duration RECOVERY = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb"})
    void a_stopped_server_is_503_fast_under_load_and_recovers_when_it_starts_again(String engine) throws Exception {
        Path hub = TestHub.small(directory);
        try (PrivateServer server = PrivateServer.withHub(engine, hub, TestHub.fixture("schema-0.8.1.sql"));
                RunningGateway gateway = RunningGateway.serve(server.location(), false)) {
            assertThat(gateway.data(USERS).at("/users/totalCount").asInt()).isPositive();
            assertThat(gateway.get("/readyz").statusCode()).isEqualTo(200);

            try (Load load = new Load(gateway, 4)) {
                awaitAnswers(load, 20);
                server.stop();

                long started = System.nanoTime();
                HttpResponse<String> refused = post(gateway);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                assertThat(code(refused)).isEqualTo("DATABASE_UNAVAILABLE");
                assertThat(took).isLessThan(FAIL_FAST_BOUND);

                started = System.nanoTime();
                HttpResponse<String> readiness = gateway.get("/readyz");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAIL_FAST_BOUND);
                assertThat(readiness.statusCode()).isEqualTo(503);
                assertThat(RunningGateway.parse(readiness.body()).at("/reason").asText())
                        .isNotBlank();
                assertThat(gateway.get("/livez").statusCode()).isEqualTo(200);

                server.start();
                awaitRecovery(gateway);
                assertThat(gateway.get("/readyz").statusCode()).isEqualTo(200);
                awaitAnswers(load, load.ok.get() + 20);

                load.stop();
                assertThat(load.unexpected)
                        .as("answers other than 200 and 503 DATABASE_UNAVAILABLE")
                        .isEmpty();
                assertThat(load.unavailable.get())
                        .as("requests caught by the outage")
                        .isPositive();
                assertThat(load.slowest()).isLessThan(FAIL_FAST_BOUND);
            }
        }
    }

    private static HttpResponse<String> post(RunningGateway gateway) {
        return gateway.post(RunningGateway.json(Map.of("query", USERS)), "application/json");
    }

    private static String code(HttpResponse<String> response) {
        return RunningGateway.parse(response.body())
                .at("/errors/0/extensions/code")
                .asText();
    }

    private static void awaitRecovery(RunningGateway gateway) {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = post(gateway);
            if (response.statusCode() == 200
                    && !RunningGateway.parse(response.body()).has("errors")) {
                return;
            }
            pause(100);
        }
        throw new AssertionError("no recovery within " + RECOVERY);
    }

    private static void awaitAnswers(Load load, int answers) {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        while (load.ok.get() < answers && System.nanoTime() < deadline) {
            pause(20);
        }
        assertThat(load.ok.get()).isGreaterThanOrEqualTo(answers);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Clients posting the query in a loop, counting what they get back. */
    private static final class Load implements AutoCloseable {
        final AtomicInteger ok = new AtomicInteger();
        final AtomicInteger unavailable = new AtomicInteger();
        final ConcurrentMap<String, String> unexpected = new ConcurrentHashMap<>();
        private final ConcurrentMap<Long, Boolean> nanos = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService clients;
        private final List<Future<?>> loops = new ArrayList<>();

        Load(RunningGateway gateway, int clientCount) {
            clients = Executors.newFixedThreadPool(clientCount);
            for (int i = 0; i < clientCount; i++) {
                loops.add(clients.submit(() -> loop(gateway)));
            }
        }

        private void loop(RunningGateway gateway) {
            while (running.get()) {
                long started = System.nanoTime();
                HttpResponse<String> response = post(gateway);
                nanos.put(System.nanoTime() - started, Boolean.TRUE);
                record(response);
            }
        }

        private void record(HttpResponse<String> response) {
            JsonNode body = RunningGateway.parse(response.body());
            if (response.statusCode() == 200 && !body.has("errors")) {
                ok.incrementAndGet();
            } else if (response.statusCode() == 503 && "DATABASE_UNAVAILABLE".equals(code(response))) {
                unavailable.incrementAndGet();
            } else {
                unexpected.put(response.statusCode() + " " + response.body(), "");
            }
        }

        Duration slowest() {
            return Duration.ofNanos(
                    nanos.keySet().stream().mapToLong(Long::longValue).max().orElse(0));
        }

        void stop() throws Exception {
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get(30, TimeUnit.SECONDS);
            }
        }

        @Override
        public void close() {
            running.set(false);
            clients.shutdownNow();
        }
    }
}
