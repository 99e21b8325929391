package org.hubql.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.hubql.testkit.Gateway;
import org.hubql.testkit.GatewayExtension;
import org.hubql.testkit.RunningGateway;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET answers revalidate with a per-viewer ETag; POST answers and errors are not cached. */
class HttpCachingTest {
    @RegisterExtension
    static final GatewayExtension gateway = GatewayExtension.serving(directory ->
                    TestHub.sqlite(directory.resolve("hub55.sqlite"), "schema-5.5.1.sql", "hub-5.5-scopes.sql"))
            .withAuth();

    private static final String ROOT = "r00t1111r00t1111r00t1111r00t1111";
    private static final String OMAR = "0a4a4444omar4444omar4444omar4444";
    /** An answer that is the same, byte for byte, for every viewer. */
    private static final String SAME_FOR_EVERYONE = "{ __typename }";

    private static HttpResponse<String> get(Gateway viewer, String query, String... headers) {
        HttpRequest.Builder request = viewer.authorized(HttpRequest.newBuilder(
                gateway.uri("/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return viewer.send(request.GET().build());
    }

    @Test
    void a_get_answer_carries_a_strong_etag_and_must_be_revalidated_privately() {
        HttpResponse<String> response = get(gateway.as(ROOT), "{ users { totalCount } }");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag"))
                .hasValueSatisfying(tag -> assertThat(tag).matches("\"sha256-[0-9a-f]{64}\""));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        assertThat(String.join(",", response.headers().allValues("Vary"))).contains("Authorization", "Cookie");
    }

    @Test
    void the_current_etag_gets_a_304_without_a_body() {
        HttpResponse<String> first = get(gateway.as(ROOT), "{ users { totalCount } }");
        String tag = first.headers().firstValue("ETag").orElseThrow();
        for (String ifNoneMatch : new String[] {tag, "W/" + tag, "\"other\", " + tag}) {
            HttpResponse<String> again =
                    get(gateway.as(ROOT), "{ users { totalCount } }", "If-None-Match", ifNoneMatch);
            assertThat(again.statusCode()).as(ifNoneMatch).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(again.headers().firstValue("ETag")).hasValue(tag);
            assertThat(again.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        }
    }

    @Test
    void a_changed_answer_or_an_old_etag_gets_the_whole_answer() {
        HttpResponse<String> response =
                get(gateway.as(ROOT), "{ users { totalCount } }", "If-None-Match", "\"sha256-outdated\"");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RunningGateway.parse(response.body())
                        .at("/data/users/totalCount")
                        .asInt())
                .isEqualTo(4);
    }

    @Test
    void one_viewers_etag_never_validates_another_viewers_answer_even_when_the_bodies_are_equal() {
        HttpResponse<String> root = get(gateway.as(ROOT), SAME_FOR_EVERYONE);
        HttpResponse<String> omar = get(gateway.as(OMAR), SAME_FOR_EVERYONE);
        assertThat(omar.body()).isEqualTo(root.body());
        String rootTag = root.headers().firstValue("ETag").orElseThrow();
        assertThat(omar.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(rootTag);

        HttpResponse<String> omarWithRootsTag = get(gateway.as(OMAR), SAME_FOR_EVERYONE, "If-None-Match", rootTag);
        assertThat(omarWithRootsTag.statusCode()).isEqualTo(200);
        assertThat(omarWithRootsTag.body()).isEqualTo(root.body());
    }

    @Test
    void the_media_type_is_part_of_the_tag() {
        HttpResponse<String> json = get(gateway.as(ROOT), SAME_FOR_EVERYONE, "Accept", "application/json");
        HttpResponse<String> graphql =
                get(gateway.as(ROOT), SAME_FOR_EVERYONE, "Accept", "application/graphql-response+json");
        assertThat(graphql.headers().firstValue("ETag").orElseThrow())
                .isNotEqualTo(json.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void post_answers_carry_no_etag() {
        HttpResponse<String> response =
                gateway.as(ROOT).post(RunningGateway.json(Map.of("query", SAME_FOR_EVERYONE)), "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).isEmpty();
    }

    @Test
    void answers_with_errors_and_refusals_are_not_stored() {
        HttpResponse<String> invalid = get(gateway.as(ROOT), "{ nope }");
        assertThat(invalid.headers().firstValue("ETag")).isEmpty();
        assertThat(invalid.headers().firstValue("Cache-Control")).hasValue("no-store");

        HttpResponse<String> forbidden = get(gateway.as(OMAR), "{ users { totalCount } }");
        assertThat(forbidden.body()).contains("FORBIDDEN");
        assertThat(forbidden.headers().firstValue("ETag")).isEmpty();
        assertThat(forbidden.headers().firstValue("Cache-Control")).hasValue("no-store");

        HttpResponse<String> unauthorized = get(gateway.as("not-a-token"), SAME_FOR_EVERYONE);
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.headers().firstValue("Cache-Control")).hasValue("no-store");
    }
}
