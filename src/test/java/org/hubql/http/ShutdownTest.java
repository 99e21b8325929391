package org.hubql.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hubql.demo.DemoHub;
import org.hubql.testkit.ServerProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real hubql process with slow requests in flight: it stops accepting, every request in flight gets
 * its whole answer, and the process exits 0.
 */
@Tag("slow")
class ShutdownTest {
    /** Over a second of work on a 3,000-user hub: 400 users with up to 400 members of each of their groups. */
    private static final String SLOW = "{\"query\": \"{ users(first: 400) { nodes { name groups { users(first: 400) "
            + "{ nodes { name lastActivity groups { name } } } } } } }\"}";

    @TempDir
    Path directory;

    @Test
    void sigterm_lets_requests_in_flight_finish_then_exits_0() throws Exception {
        Path hub = DemoHub.write(directory.resolve("hub.sqlite"), 3000, 5).file();
        try (ServerProcess server = ServerProcess.serve(
                "--db", hub.toString(), "--no-auth", "--max-cost", "1000000000", "--shutdown-timeout", "120")) {
            URI graphql = URI.create("http://127.0.0.1:" + server.port() + "/graphql");
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<Answer>> inFlight = new ArrayList<>();
            CountDownLatch sent = new CountDownLatch(4);
            for (int i = 0; i < 4; i++) {
                inFlight.add(clients.submit(() -> post(graphql, sent)));
            }
            sent.await();
            Thread.sleep(500); // the four are being executed (each takes longer than this)
            server.terminate();
            long terminated = System.nanoTime();
            for (Future<Answer> answer : inFlight) {
                assertThat(answer.get().completedAt())
                        .as("answered after SIGTERM, so it was in flight")
                        .isGreaterThan(terminated);
                String body = answer.get().body();
                assertThat(body)
                        .as("a whole body; server log: %s", server.log())
                        .endsWith("}}}");
                assertThat(new ObjectMapper().readTree(body).at("/data/users/nodes"))
                        .hasSize(400);
            }
            assertThat(server.exitCode(Duration.ofSeconds(130)))
                    .as("%s", server.log())
                    .isZero();
            assertThat(server.log()).anyMatch(line -> line.contains("SIGTERM: stopping"));
            clients.shutdown();
            try {
                post(graphql, new CountDownLatch(1));
                throw new AssertionError("a stopped hubql still answered");
            } catch (ConnectException expected) {
                // nothing listens any more
            }
        }
    }

    private record Answer(String body, long completedAt) {}

    /** One POST on a connection of its own; the whole body, or an exception. */
    private static Answer post(URI uri, CountDownLatch sent) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("Connection", "close");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(
                SLOW.getBytes(StandardCharsets.UTF_8).length); // sent now, not on reading
        connection.setReadTimeout(130_000);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(SLOW.getBytes(StandardCharsets.UTF_8));
        }
        sent.countDown();
        assertThat(connection.getResponseCode()).isEqualTo(200);
        try (InputStream in = connection.getInputStream()) {
            return new Answer(new String(in.readAllBytes(), StandardCharsets.UTF_8), System.nanoTime());
        }
    }
}
