package org.hubql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Exit codes and messages of the command line, without starting a server that stays up. */
class CommandLineTest {
    @TempDir
    Path directory;

    private record Run(int exitCode, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine commandLine = HubqlCommand.newCommandLine(java.util.Map.of());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void a_missing_database_is_one_line_and_exit_code_2_and_no_file_is_created() {
        Path missing = directory.resolve("jupyterhub.sqlite");
        Run run = run("serve", "--db", missing.toString(), "--port", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("hubql: database file not found: " + missing);
        assertThat(missing).doesNotExist();
    }

    @Test
    void a_file_that_is_not_a_hub_is_one_line_and_exit_code_2() throws Exception {
        Path text = Files.writeString(directory.resolve("x.sqlite"), "hello");
        Run run = run("serve", "--db", text.toString(), "--port", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("hubql: ").doesNotContain("\n", "Exception", "\tat ");
    }

    @Test
    void bad_flags_are_usage_errors() {
        for (List<String> args : List.<List<String>>of(
                List.of("serve", "--port", "70000"),
                List.of("serve", "--port", "http"),
                List.of("serve", "--bogus"),
                List.of("serve", "--default-page-size", "0"),
                List.of("serve", "--db-connect-timeout", "0"),
                List.of("demo-db", "--users", "5"),
                List.of("nonsense"),
                List.of())) {
            Run run = run(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(args.toString()).isEqualTo(2);
            assertThat(run.err()).as(args.toString()).isNotBlank().doesNotContain("\tat ");
        }
    }

    @Test
    void demo_db_writes_a_hub_and_refuses_to_overwrite_it() throws Exception {
        Path out = directory.resolve("demo.sqlite");
        Run first = run("demo-db", "--users", "25", "--out", out.toString());
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("25 users", out.toString(), "Demo tokens");
        byte[] written = Files.readAllBytes(out);

        Run second = run("demo-db", "--users", "5", "--out", out.toString());
        assertThat(second.exitCode()).isEqualTo(2);
        assertThat(second.err()).contains("refusing to overwrite");
        assertThat(Files.readAllBytes(out)).isEqualTo(written);
    }

    @Test
    void version_and_help_exit_0() {
        assertThat(run("--version").exitCode()).isZero();
        Run help = run("serve", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--db", "--port", "--trace", "--no-auth");
    }

    @Test
    void an_unreachable_database_server_is_one_line_and_exit_code_2_without_the_password() {
        Run run = run("serve", "--db", "postgresql://hub:hunter2@127.0.0.1:1/jupyterhub", "--port", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .startsWith("hubql: cannot open jdbc:postgresql://127.0.0.1:1/jupyterhub")
                .doesNotContain("hunter2")
                .doesNotContain("\n");
    }

    @Test
    void an_unsupported_database_url_is_a_usage_error_without_the_password() {
        Run run = run("serve", "--db", "oracle://hub:hunter2@db/hub", "--port", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unsupported database engine 'oracle'").doesNotContain("hunter2");
    }

    @Test
    void the_database_password_comes_from_a_file_never_echoed() throws Exception {
        Path secret = Files.writeString(directory.resolve("pw"), "hunter2\n");
        Run run = run(
                "serve",
                "--db",
                "jdbc:mariadb://127.0.0.1:1/hub?user=hub",
                "--db-password-file",
                secret.toString(),
                "--port",
                "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("hubql: cannot open jdbc:mariadb://127.0.0.1:1/hub")
                .doesNotContain("hunter2");
    }

    @Test
    void no_auth_is_refused_in_one_line_unless_the_bind_address_is_loopback() {
        Run run = run(
                "serve",
                "--no-auth",
                "--bind",
                "0.0.0.0",
                "--port",
                "0",
                "--db",
                directory.resolve("x.sqlite").toString());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err().strip()).contains("--no-auth").doesNotContain("\n", "\tat ");
    }
}
