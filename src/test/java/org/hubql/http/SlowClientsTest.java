package org.hubql.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hubql.auth.AuthOptions;
import org.hubql.db.DatabaseLocation;
import org.hubql.graph.GraphOptions;
import org.hubql.testkit.RunningGateway;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that send slowly, stall or go away: a request without a valid token is answered from its headers alone,
 * a stalled body is cut off after the idle timeout, and an aborted upload is one line in the log.
 */
@Tag("slow")
class SlowClientsTest {
    private static final String ALICE = "0123456789abcdef0123456789abcdef";
    private static final String WHO = "{ viewer { ... on User { name } } }";

    @TempDir
    static Path directory;

    static RunningGateway gateway;

    @BeforeAll
    static void serve() throws Exception {
        Path hub = TestHub.sqlite(
                directory.resolve("tokens.sqlite"), "schema-0.8.1.sql", "hub-0.8-small.sql", "hub-0.8-tokens.sql");
        HttpOptions http = new HttpOptions(
                false,
                262_144,
                "/",
                List.of(),
                ServiceMode.STANDALONE,
                new HttpOptions.Connections(Duration.ofSeconds(2), 1024, Duration.ofSeconds(5)));
        gateway = RunningGateway.serve(
                DatabaseLocation.sqlite(hub), GraphOptions.defaults(), http, AuthOptions.defaults());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** Opens a connection and sends the head of a POST whose body then never comes (or only its first byte). */
    private static Socket stalledUpload(String authorization) throws IOException {
        Socket socket = new Socket("127.0.0.1", gateway.uri("/").getPort());
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + (authorization.isEmpty() ? "" : "Authorization: " + authorization + "\r\n")
                        + "Content-Length: 100000\r\n\r\n{")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static String statusLine(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII).strip();
    }

    @Test
    void three_hundred_stalled_uploads_without_a_token_are_refused_at_once_and_do_not_starve_anyone() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                sockets.add(stalledUpload(""));
            }
            assertThat(gateway.as(ALICE).data(WHO).at("/viewer/name").asText()).isEqualTo("alice");
            for (Socket socket : sockets.subList(0, 20)) {
                assertThat(statusLine(socket)).isEqualTo("HTTP/1.1 401 Unauthorized");
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void a_stalled_body_with_a_valid_token_is_cut_off_after_the_idle_timeout() throws Exception {
        try (Socket socket = stalledUpload("token " + ALICE)) {
            try {
                String status = statusLine(socket);
                assertThat(status)
                        .as("an answer or a closed connection, not a hang")
                        .matches("(HTTP/1.1 (400|408|500) .*)?");
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server kept a stalled upload open for 30 s", e);
            }
        }
        assertThat(gateway.as(ALICE).data(WHO).at("/viewer/name").asText()).isEqualTo("alice");
    }

    @Test
    void an_aborted_upload_is_one_warning_without_a_stack_trace() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Socket socket = stalledUpload("token " + ALICE);
            socket.getOutputStream().write("\"query\": \"{ vie".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Thread.sleep(200);
            socket.close();
            for (int i = 0; i < 50 && !captured.toString(StandardCharsets.UTF_8).contains("went away"); i++) {
                Thread.sleep(100);
            }
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log.lines().filter(line -> line.contains("went away while uploading")))
                .as(log)
                .hasSize(1);
        assertThat(log).contains("WARN").doesNotContain("\tat ", "Exception:\n");
    }
}
