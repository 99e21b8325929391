package org.hubql.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.hubql.testkit.JupyterHubConfig;
import org.hubql.testkit.RealJupyterHub;

/**
 * A real JupyterHub (Debian's 3.0 here) on its own SQLite file, driven through its REST API as a busy hub is: new
 * users, activity, new tokens, servers started and stopped (a trivial spawner). Every REST call is timed.
 */
final class JupyterHubLoad implements AutoCloseable {
    private static final String TOKEN = "live-hub-bench-admin-service-token";
    /** JupyterHub creates users one by one within a request: a few hundred at once can outlast a client's patience. */
    private static final int USERS_PER_REQUEST = 100;

    private final RealJupyterHub hub;

    private JupyterHubLoad(RealJupyterHub hub) {
        this.hub = hub;
    }

    /** A hub with {@code users} users already in its database, so that hubql's queries over it are wide. */
    static JupyterHubLoad start(int users) {
        RealJupyterHub hub = JupyterHubConfig.newConfig()
                .admins("admin")
                .adminService("bench", TOKEN)
                .start();
        for (int from = 0; from < users; from += USERS_PER_REQUEST) {
            List<String> names = IntStream.range(from, Math.min(users, from + USERS_PER_REQUEST))
                    .mapToObj(i -> "user" + i)
                    .toList();
            RealJupyterHub.Answer created = hub.post("/users", TOKEN, Map.of("usernames", names));
            if (created.status() != 201) {
                hub.close();
                throw new IllegalStateException("JupyterHub did not create the users: " + created.status());
            }
        }
        return new JupyterHubLoad(hub);
    }

    Path database() {
        return hub.databaseFile();
    }

    /** The REST calls' latencies and failures over one phase. */
    record Calls(int calls, int failures, double p50Ms, double p99Ms, double maxMs) {}

    /** Cycles of create user, activity, new token, start server, stop server, for {@code duration}. */
    Calls drive(String phase, Duration duration) {
        List<Long> nanos = new ArrayList<>();
        int[] failures = {0};
        long end = System.nanoTime() + duration.toNanos();
        for (int i = 0; System.nanoTime() < end; i++) {
            String user = "/users/" + phase + i;
            timed(nanos, failures, () -> hub.post(user, TOKEN, null), 201);
            timed(
                    nanos,
                    failures,
                    () -> hub.post(
                            user + "/activity",
                            TOKEN,
                            Map.of("last_activity", Instant.now().toString())),
                    200);
            timed(nanos, failures, () -> hub.post(user + "/tokens", TOKEN, Map.of("note", "bench")), 201);
            timed(nanos, failures, () -> hub.post(user + "/server", TOKEN, null), 201, 202);
            awaitServer(nanos, failures, user, true);
            timed(nanos, failures, () -> hub.delete(user + "/server", TOKEN), 202, 204);
            awaitServer(nanos, failures, user, false);
        }
        List<Long> sorted = nanos.stream().sorted().toList();
        return new Calls(
                sorted.size(),
                failures[0],
                CommitWriter.percentileMs(sorted, 50),
                CommitWriter.percentileMs(sorted, 99),
                CommitWriter.percentileMs(sorted, 100));
    }

    private void awaitServer(List<Long> nanos, int[] failures, String user, boolean ready) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            RealJupyterHub.Answer answer = timed(nanos, failures, () -> hub.get(user, TOKEN), 200);
            var server = answer.body().path("servers").path("");
            if (ready ? server.path("ready").asBoolean(false) : server.isMissingNode()) {
                return;
            }
            sleep();
        }
        failures[0]++;
    }

    private static RealJupyterHub.Answer timed(
            List<Long> nanos, int[] failures, java.util.function.Supplier<RealJupyterHub.Answer> call, int... ok) {
        long started = System.nanoTime();
        RealJupyterHub.Answer answer = call.get();
        nanos.add(System.nanoTime() - started);
        if (IntStream.of(ok).noneMatch(status -> status == answer.status())) {
            failures[0]++;
        }
        return answer;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Lines of JupyterHub's log saying "database is locked". */
    long lockedLines() throws IOException {
        try (var lines = Files.lines(hub.directory().resolve("jupyterhub.log"))) {
            return lines.filter(line -> line.contains("database is locked")).count();
        }
    }

    @Override
    public void close() {
        hub.close();
    }
}
