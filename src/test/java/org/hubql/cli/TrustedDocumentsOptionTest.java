package org.hubql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --trusted-documents} and its admin exception are checked before anything opens: exit code 2, one line. */
class TrustedDocumentsOptionTest {
    private static final String WRONG_HASH = "{\"sha256:" + "0".repeat(64) + "\": \"{ __typename }\"}";

    @TempDir
    Path directory;

    private record Run(int exitCode, String err) {}

    private static Run run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine commandLine = HubqlCommand.newCommandLine(environment);
        commandLine.setErr(new PrintWriter(err, true));
        return new Run(commandLine.execute(args), err.toString());
    }

    @Test
    void a_file_whose_hash_does_not_match_is_exit_code_2_with_the_reason() throws Exception {
        Path file = Files.writeString(directory.resolve("persisted-documents.json"), WRONG_HASH);
        Path hub = directory.resolve("never-opened.sqlite");
        Run run = run(Map.of(), "serve", "--trusted-documents", file.toString(), "--db", hub.toString(), "--port", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .startsWith("hubql: --trusted-documents " + file)
                .contains("has the SHA256 hash")
                .doesNotContain("\n", "\tat ");
        assertThat(hub).doesNotExist();
    }

    @Test
    void the_file_may_come_from_the_environment() throws Exception {
        Path file = Files.writeString(directory.resolve("persisted-documents.json"), WRONG_HASH);
        Run run = run(Map.of("HUBQL_TRUSTED_DOCUMENTS", file.toString()), "serve", "--port", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("has the SHA256 hash");
    }

    @Test
    void a_missing_file_is_exit_code_2() {
        Path missing = directory.resolve("missing.json");
        Run run = run(Map.of(), "serve", "--trusted-documents", missing.toString(), "--port", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(missing.toString(), "cannot be read");
    }

    @Test
    void the_admin_exception_without_trusted_documents_is_a_usage_error() {
        Run run = run(Map.of(), "serve", "--allow-arbitrary-documents-for-admins", "--port", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--allow-arbitrary-documents-for-admins needs --trusted-documents");
    }
}
