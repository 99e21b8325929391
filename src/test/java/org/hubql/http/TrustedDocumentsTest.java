package org.hubql.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hubql.testkit.Gateway;
import org.hubql.testkit.GatewayExtension;
import org.hubql.testkit.RunningGateway;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code --trusted-documents}: only the listed documents run, by hash or documentId; admins may be let through. */
class TrustedDocumentsTest {
    private static final String USERS = "query Users { users { totalCount } }";
    private static final String VIEWER = "query Viewer { viewer { ... on User { name } } }";
    private static final String AD_HOC = "{ users { totalCount } }";
    private static final String ROOT = "r00t1111r00t1111r00t1111r00t1111";
    private static final String OMAR = "0a4a4444omar4444omar4444omar4444";

    @RegisterExtension
    static final GatewayExtension trustedOnly = hub55().withHttp(http -> http.withDocuments(policy(false)));

    @RegisterExtension
    static final GatewayExtension adminsExcepted = hub55().withHttp(http -> http.withDocuments(policy(true)));

    @TempDir
    Path directory;

    private static GatewayExtension hub55() {
        return GatewayExtension.serving(directory ->
                        TestHub.sqlite(directory.resolve("hub55.sqlite"), "schema-5.5.1.sql", "hub-5.5-scopes.sql"))
                .withAuth();
    }

    /** SHA-256 with codegen's prefix for one document, SHA-1 (older codegen) for the other. */
    private static DocumentPolicy policy(boolean arbitraryForAdmins) {
        Map<String, String> documents = new LinkedHashMap<>();
        documents.put("sha256:" + DocumentHash.SHA256.digest(USERS), USERS);
        documents.put(DocumentHash.SHA1.digest(VIEWER), VIEWER);
        try {
            Path file = Files.createTempFile("persisted-documents-", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(file, RunningGateway.json(documents));
            return new DocumentPolicy.TrustedOnly(TrustedDocuments.load(file), arbitraryForAdmins);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TrustedDocumentsException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> post(Gateway viewer, Map<String, Object> body) {
        return viewer.post(RunningGateway.json(body), "application/json");
    }

    private static JsonNode json(HttpResponse<String> response) {
        return RunningGateway.parse(response.body());
    }

    @Test
    void a_trusted_document_runs_by_its_document_id_with_or_without_the_prefix() {
        String hash = DocumentHash.SHA256.digest(USERS);
        for (String documentId : new String[] {"sha256:" + hash, hash, "SHA256:" + hash.toUpperCase()}) {
            HttpResponse<String> response = post(trustedOnly.as(ROOT), Map.of("documentId", documentId));
            assertThat(response.statusCode()).as(documentId).isEqualTo(200);
            assertThat(json(response).at("/data/users/totalCount").asInt()).isEqualTo(4);
        }
        HttpResponse<String> sha1 = post(trustedOnly.as(OMAR), Map.of("documentId", DocumentHash.SHA1.digest(VIEWER)));
        assertThat(json(sha1).at("/data/viewer/name").asText()).isEqualTo("omar");
    }

    @Test
    void a_trusted_document_runs_by_apollos_hash_and_as_its_exact_text() {
        Map<String, Object> extensions =
                Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", DocumentHash.SHA256.digest(USERS)));
        assertThat(json(post(trustedOnly.as(ROOT), Map.of("extensions", extensions)))
                        .at("/data/users/totalCount")
                        .asInt())
                .isEqualTo(4);
        assertThat(json(post(trustedOnly.as(ROOT), Map.of("query", USERS)))
                        .at("/data/users/totalCount")
                        .asInt())
                .isEqualTo(4);
    }

    @Test
    void a_trusted_document_runs_over_get_by_its_document_id() {
        HttpResponse<String> response =
                trustedOnly.as(ROOT).get("/graphql?documentId=sha256:" + DocumentHash.SHA256.digest(USERS));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).at("/data/users/totalCount").asInt()).isEqualTo(4);
        assertThat(response.headers().firstValue("ETag")).isPresent();
    }

    @Test
    void an_ad_hoc_document_is_refused_with_a_403_even_for_an_admin() {
        for (String token : new String[] {ROOT, OMAR}) {
            HttpResponse<String> response = post(trustedOnly.as(token), Map.of("query", AD_HOC));
            assertThat(response.statusCode()).as(token).isEqualTo(403);
            assertThat(json(response).at("/errors/0/extensions/code").asText()).isEqualTo("TRUSTED_DOCUMENTS_ONLY");
            assertThat(json(response).at("/errors/0/message").asText()).contains("trusted documents only");
        }
    }

    @Test
    void an_apollo_registration_of_an_untrusted_document_is_refused_and_registers_nothing() {
        String hash = DocumentHash.SHA256.digest(AD_HOC);
        Map<String, Object> extensions = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
        assertThat(post(trustedOnly.as(OMAR), Map.of("query", AD_HOC, "extensions", extensions))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> hashOnly = post(trustedOnly.as(OMAR), Map.of("extensions", extensions));
        assertThat(json(hashOnly).at("/errors/0/extensions/code").asText()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void an_unknown_document_id_is_not_found() {
        HttpResponse<String> response =
                post(trustedOnly.as(ROOT), Map.of("documentId", "sha256:" + DocumentHash.SHA256.digest(AD_HOC)));
        assertThat(json(response).at("/errors/0/extensions/code").asText()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void with_arbitrary_documents_for_admins_an_admin_token_runs_ad_hoc_documents_and_others_do_not() {
        HttpResponse<String> admin = post(adminsExcepted.as(ROOT), Map.of("query", AD_HOC));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(json(admin).at("/data/users/totalCount").asInt()).isEqualTo(4);

        HttpResponse<String> user = post(adminsExcepted.as(OMAR), Map.of("query", AD_HOC));
        assertThat(user.statusCode()).isEqualTo(403);

        HttpResponse<String> narrowedAdmin =
                post(adminsExcepted.as("r00t2222r00t2222r00t2222r00t2222"), Map.of("query", AD_HOC));
        assertThat(narrowedAdmin.statusCode())
                .as("an admin's token without admin:users")
                .isEqualTo(403);
    }

    @Test
    void a_file_whose_hash_does_not_match_its_document_is_refused_with_the_key_named() throws Exception {
        String key = "sha256:" + DocumentHash.SHA256.digest(USERS);
        Path file = Files.writeString(directory.resolve("edited.json"), RunningGateway.json(Map.of(key, AD_HOC)));
        assertThatThrownBy(() -> TrustedDocuments.load(file))
                .isInstanceOf(TrustedDocumentsException.class)
                .hasMessageContaining(key)
                .hasMessageContaining("has the SHA256 hash " + DocumentHash.SHA256.digest(AD_HOC));
    }

    @Test
    void files_that_are_not_maps_of_hash_to_document_are_refused_with_a_reason() throws Exception {
        Map<String, String> reasons = Map.of(
                "[]",
                "must be a JSON object",
                "{}",
                "at least one",
                "{\"" + DocumentHash.SHA256.digest(USERS) + "\": 1}",
                "not a document text",
                "{\"users\": \"" + USERS + "\"}",
                "is not a hash",
                "{not json",
                "cannot be read as JSON");
        for (Map.Entry<String, String> reason : reasons.entrySet()) {
            Path file = Files.writeString(directory.resolve("bad.json"), reason.getKey());
            assertThatThrownBy(() -> TrustedDocuments.load(file))
                    .as(reason.getKey())
                    .isInstanceOf(TrustedDocumentsException.class)
                    .hasMessageContaining(reason.getValue());
        }
    }

    @Test
    void relays_md5_keys_are_accepted() throws Exception {
        Path file = Files.writeString(
                directory.resolve("relay.json"), RunningGateway.json(Map.of(DocumentHash.MD5.digest(USERS), USERS)));
        assertThat(TrustedDocuments.load(file).size()).isEqualTo(1);
    }
}
