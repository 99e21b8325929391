package org.hubql.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.hubql.testkit.Gateway;
import org.hubql.testkit.GatewayExtension;
import org.hubql.testkit.RunningGateway;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A GraphQL answer is gzipped for a client that accepts it, when it is long enough to gain from it. */
class CompressionTest {
    @RegisterExtension
    static final GatewayExtension gateway = GatewayExtension.serving(directory ->
                    TestHub.sqlite(directory.resolve("hub55.sqlite"), "schema-5.5.1.sql", "hub-5.5-scopes.sql"))
            .withAuth();

    private static final String ROOT = "r00t1111r00t1111r00t1111r00t1111";
    /** Several kilobytes, the same for every hub. */
    private static final String LONG = "{ __schema { types { name description fields { name description } } } }";

    private static final String SHORT = "{ __typename }";

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/graphql-response+json"})
    void a_long_answer_is_gzipped_when_the_client_accepts_gzip(String accept) {
        HttpResponse<byte[]> plain = post(LONG, accept, "identity");
        HttpResponse<byte[]> gzipped = post(LONG, accept, "gzip");

        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body().length).isGreaterThan(4096);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().firstValue("Content-Type")).hasValue(accept + ";charset=utf-8");
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 2);
        assertThat(new String(gunzip(gzipped.body()), StandardCharsets.UTF_8))
                .isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/graphql-response+json"})
    void a_short_answer_is_sent_as_it_is(String accept) {
        HttpResponse<byte[]> response = post(SHORT, accept, "gzip");

        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"data\":{\"__typename\":\"Query\"}}");
    }

    private static HttpResponse<byte[]> post(String query, String accept, String encoding) {
        HttpRequest request = gateway.as(ROOT)
                .authorized(HttpRequest.newBuilder(gateway.uri("/graphql")))
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .header("Accept-Encoding", encoding)
                .POST(HttpRequest.BodyPublishers.ofString(RunningGateway.json(Map.of("query", query))))
                .build();
        try {
            return Gateway.CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gunzip(byte[] body) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
