package org.hubql.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.hubql.testkit.GatewayExtension;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/** One {@code hubql.access} line per request, with its fields, and never a token, a cookie, a document or variables. */
class AccessLogTest {
    private static final String ROOT = "r00tr00tr00tr00tr00tr00tr00tr00t";

    @RegisterExtension
    static final GatewayExtension gateway = GatewayExtension.serving(directory ->
                    TestHub.sqlite(directory.resolve("access.sqlite"), "schema-5.5.1.sql", "hub-5.5-access.sql"))
            .withAuth();

    private final Logger access = (Logger) LoggerFactory.getLogger("hubql.access");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void capture() {
        lines.start();
        access.addAppender(lines);
    }

    @AfterEach
    void release() {
        access.detachAppender(lines);
    }

    @Test
    void a_graphql_request_logs_method_path_operation_status_time_statements_and_bytes() {
        String body = gateway.as(ROOT)
                .post(
                        "{\"query\": \"query Named($first: Int) { users(first: $first) { nodes { name } } }\","
                                + " \"variables\": {\"first\": 3}}",
                        "application/json")
                .body();

        Map<String, String> fields =
                fields(awaitLine(line -> line.getFormattedMessage().contains("operation=Named")));

        assertThat(fields)
                .containsEntry("method", "POST")
                .containsEntry("path", "/graphql")
                .containsEntry("operation", "Named")
                .containsEntry("status", "200")
                .containsEntry("sql", "1")
                .containsEntry("bytes", String.valueOf(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length))
                .containsKey("ms");
    }

    @Test
    void an_unnamed_request_logs_the_name_its_document_gives_its_only_operation() {
        gateway.as(ROOT)
                .post(
                        "{\"query\": \"fragment Names on UserConnection { nodes { name } }"
                                + " query AfterFragment { users(first: 2) { ...Names } }\"}",
                        "application/json");
        gateway.as(ROOT).post("{\"query\": \"query { hub { engine } }\"}", "application/json");

        assertThat(fields(awaitLine(line -> line.getFormattedMessage().contains("operation=AfterFragment"))))
                .containsEntry("status", "200");
        assertThat(fields(awaitLine(line -> line.getFormattedMessage().contains("operation=(anonymous)"))))
                .containsEntry("status", "200");
    }

    @Test
    void the_line_has_no_token_query_string_document_or_variables() {
        gateway.send(HttpRequest.newBuilder(gateway.uri("/graphql?token=" + ROOT
                        + "&query=%7Bhub%7Bengine%7D%7D&variables=%7B%22secret%22%3A%22v4711%22%7D"))
                .header("Cookie", "jupyterhub-session-id=cookie-value-0815")
                .GET()
                .build());

        ILoggingEvent line = awaitLine(event -> event.getFormattedMessage().contains("path=/graphql ")
                && event.getFormattedMessage().contains("operation=(anonymous)"));

        assertThat(line.getFormattedMessage())
                .contains("method=GET", "status=200")
                .doesNotContain(ROOT, "token=", "hub", "engine", "v4711", "secret", "cookie-value-0815", "?");
        assertThat(line.getLevel().toString()).isEqualTo("INFO");
    }

    @Test
    void a_refused_request_and_an_unknown_path_are_logged_too() {
        gateway.get("/graphql?query=%7Bhub%7Bengine%7D%7D");
        gateway.get("/no-such-path");

        assertThat(fields(awaitLine(line -> line.getFormattedMessage().contains("status=401"))))
                .containsEntry("operation", "-")
                .containsEntry("sql", "0");
        assertThat(fields(awaitLine(line -> line.getFormattedMessage().contains("path=/no-such-path"))))
                .containsEntry("status", "404");
    }

    private static Map<String, String> fields(ILoggingEvent line) {
        List<KeyValuePair> pairs = Optional.ofNullable(line.getKeyValuePairs()).orElse(List.of());
        return pairs.stream().collect(Collectors.toMap(pair -> pair.key, pair -> String.valueOf(pair.value)));
    }

    /** The first captured line that matches; a request is logged once its answer is sent, so it may come late. */
    private ILoggingEvent awaitLine(Predicate<ILoggingEvent> wanted) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Optional<ILoggingEvent> found = captured().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no such access log line in " + captured());
    }

    /** The lines so far; the appender adds them under its own lock, from the server's threads. */
    private List<ILoggingEvent> captured() {
        synchronized (lines) {
            return List.copyOf(lines.list);
        }
    }
}
