package org.hubql.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hubql.auth.AuthOptions;
import org.hubql.db.DatabaseLocation;
import org.hubql.graph.GraphOptions;
import org.hubql.testkit.NodeProject;
import org.hubql.testkit.RunningGateway;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clients the persisted-document features are for, against a running gateway: Apollo Client's persisted-query
 * link, and graphql-codegen's client preset writing the trusted documents hubql then serves. The scripts and their
 * package.json live in the test resources; the test needs Node.js with npm, which CI has, so there it never skips.
 */
@Tag("node")
class PersistedDocumentClientsTest {
    private static final Path CLIENTS = Path.of("src", "test", "resources", "persisted-documents-clients");

    @TempDir
    static Path directory;

    private static NodeProject clients;

    @BeforeAll
    static void install() throws Exception {
        assumeTrue(NodeProject.available() || System.getenv("CI") != null, "Node.js with npm is not available here");
        clients = NodeProject.install(CLIENTS, directory.resolve("clients"));
        Files.copy(Path.of("schema.graphqls"), clients.directory().resolve("schema.graphqls"));
    }

    private static JsonNode lastLine(NodeProject.Result result) {
        assertThat(result.exitCode()).as(result.output()).isZero();
        List<String> lines = result.output().strip().lines().toList();
        return RunningGateway.parse(lines.get(lines.size() - 1));
    }

    @Test
    void apollo_clients_persisted_query_link_sends_the_text_once_then_the_hash_alone_over_get() throws Exception {
        try (RunningGateway gateway =
                RunningGateway.serve(TestHub.small(Files.createDirectories(directory.resolve("apq"))), false)) {
            JsonNode run = lastLine(
                    clients.run(120, "node", "apq.mjs", gateway.uri("/graphql").toString()));

            assertThat(run.at("/first/users/nodes/0/name").asText()).isEqualTo("admin");
            assertThat(run.get("second")).isEqualTo(run.get("first"));
            JsonNode requests = run.get("requests");
            assertThat(requests).hasSize(3);
            // Apollo Client 4 accepts application/graphql-response+json first, so a miss is a 404 (200 for JSON)
            assertRequest(requests.get(0), "GET", 404, false, "PERSISTED_QUERY_NOT_FOUND");
            assertRequest(requests.get(1), "POST", 200, true, null);
            assertRequest(requests.get(2), "GET", 200, false, null);
        }
    }

    private static void assertRequest(
            JsonNode request, String method, int status, boolean sentQuery, String errorCode) {
        assertThat(request.get("method").asText()).as(request.toString()).isEqualTo(method);
        assertThat(request.get("status").asInt()).as(request.toString()).isEqualTo(status);
        assertThat(request.get("sentHash").asBoolean()).as(request.toString()).isTrue();
        assertThat(request.get("sentQuery").asBoolean()).as(request.toString()).isEqualTo(sentQuery);
        assertThat(
                        request.get("errorCode").isNull()
                                ? null
                                : request.get("errorCode").asText())
                .as(request.toString())
                .isEqualTo(errorCode);
    }

    @Test
    void graphql_codegens_persisted_documents_are_served_as_trusted_documents() throws Exception {
        NodeProject.Result codegen = clients.run(300, "npx", "graphql-codegen", "--config", "codegen.json");
        assertThat(codegen.exitCode()).as(codegen.output()).isZero();
        Path manifest = clients.directory().resolve("gql").resolve("persisted-documents.json");
        DocumentPolicy trustedOnly = new DocumentPolicy.TrustedOnly(TrustedDocuments.load(manifest), false);

        try (RunningGateway gateway = RunningGateway.serve(
                DatabaseLocation.sqlite(TestHub.small(Files.createDirectories(directory.resolve("trusted")))),
                false,
                GraphOptions.defaults(),
                AuthOptions.disabled(),
                http -> http.withDocuments(trustedOnly))) {
            JsonNode run = lastLine(clients.run(
                    120, "node", "trusted.mjs", gateway.uri("/graphql").toString(), manifest.toString()));

            assertThat(run.get("documentId").asText()).startsWith("sha256:");
            assertThat(run.at("/byDocumentId/status").asInt()).isEqualTo(200);
            assertThat(run.at("/byDocumentId/body/data/user/name").asText()).isEqualTo("alice");
            assertThat(run.at("/byHash/user/name").asText()).isEqualTo("bob");
            assertThat(run.at("/adHoc/status").asInt()).isEqualTo(403);
            assertThat(run.at("/adHoc/body/errors/0/extensions/code").asText()).isEqualTo("TRUSTED_DOCUMENTS_ONLY");
        }
    }
}
