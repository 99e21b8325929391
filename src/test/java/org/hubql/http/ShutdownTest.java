package org.hubql.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
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
 * SIGTERM to a real hubql process with requests in flight: it stops accepting, every request in flight gets its
 * whole answer, and the process exits 0. The requests are held in flight by their clients, not by timing: each
 * sends its headers and half its body, and the other half only after SIGTERM has been sent, so the server reads,
 * executes and answers all of them while stopping.
 */
@Tag("slow")
class ShutdownTest {
    /** Real work on a 3,000-user hub: 400 users with up to 400 members of each of their groups. */
    private static final byte[] SLOW = ("{\"query\": \"{ users(first: 400) { nodes { name groups { users(first: 400) "
                    + "{ nodes { name lastActivity groups { name } } } } } } }\"}")
            .getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path directory;

    @Test
    void sigterm_lets_requests_in_flight_finish_then_exits_0() throws Exception {
        Path hub = DemoHub.write(directory.resolve("hub.sqlite"), 3000, 5).file();
        try (ServerProcess server = ServerProcess.serve(
                "--db", hub.toString(), "--no-auth", "--max-cost", "1000000000", "--shutdown-timeout", "120")) {
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<Answer>> inFlight = new ArrayList<>();
            CountDownLatch halfSent = new CountDownLatch(4);
            CountDownLatch terminated = new CountDownLatch(1);
            for (int i = 0; i < 4; i++) {
                inFlight.add(clients.submit(() -> post(server.port(), halfSent, terminated)));
            }
            halfSent.await();
            Thread.sleep(500); // the server has read the four requests' headers and waits for their bodies
            server.terminate();
            terminated.countDown();
            for (Future<Answer> answer : inFlight) {
                assertThat(answer.get().status())
                        .as("status line; server log: %s", server.log())
                        .isEqualTo("HTTP/1.1 200 OK");
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
            assertThat(server.log().stream().filter(line -> line.contains(" access - ")))
                    .as("the access lines of the requests answered while stopping; server log: %s", server.log())
                    .hasSizeGreaterThanOrEqualTo(4);
            assertThat(server.log())
                    .as("lines logged last are written out before the process exits")
                    .last()
                    .asString()
                    .endsWith("Stopped");
            clients.shutdown();
            try {
                new Socket(InetAddress.getLoopbackAddress(), server.port()).close();
                throw new AssertionError("a stopped hubql still accepted a connection");
            } catch (ConnectException expected) {
                // nothing listens any more
            }
        }
    }

    private record Answer(String status, String body) {}

    /**
     * One HTTP/1.0 POST on a socket of its own: sends the headers and half the body, counts {@code halfSent} down,
     * sends the rest once {@code mayFinish} opens, and reads the answer to its end.
     */
    private static Answer post(int port, CountDownLatch halfSent, CountDownLatch mayFinish)
            throws IOException, InterruptedException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(130_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST /graphql HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + SLOW.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(SLOW, 0, SLOW.length / 2);
            out.flush();
            halfSent.countDown();
            mayFinish.await();
            assertThat(socket.getInputStream().available())
                    .as("nothing answered before SIGTERM: the request was in flight")
                    .isZero();
            out.write(SLOW, SLOW.length / 2, SLOW.length - SLOW.length / 2);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = answer.indexOf("\r\n\r\n");
            assertThat(headEnd).as("an HTTP answer: %s", answer).isPositive();
            return new Answer(answer.substring(0, answer.indexOf("\r\n")), answer.substring(headEnd + 4));
        }
    }
}
