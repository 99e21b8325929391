package org.hubql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hubql.auth.AuthOptions;
import org.hubql.graph.GraphOptions;
import org.hubql.testkit.RunningGateway;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hubql query}, run in-process through picocli: the answer as HTTP gives it, and the exit codes. */
class QueryCommandTest {
    static final String ALICE = "0123456789abcdef0123456789abcdef";
    static final String USERS = "{ users(first: 10) { totalCount edges { node { name admin } } } }";

    @TempDir
    static Path directory;

    static Path hub;
    static RunningGateway open;
    static RunningGateway byToken;

    @BeforeAll
    static void serve() {
        hub = TestHub.sqlite(
                directory.resolve("tokens.sqlite"), "schema-0.8.1.sql", "hub-0.8-small.sql", "hub-0.8-tokens.sql");
        open = RunningGateway.serve(hub, false);
        byToken = RunningGateway.serve(hub, false, GraphOptions.defaults(), AuthOptions.defaults());
    }

    @AfterAll
    static void stop() {
        open.close();
        byToken.close();
    }

    record Run(int exitCode, String out, String err) {
        JsonNode json() {
            return RunningGateway.parse(out);
        }
    }

    static Run query(Map<String, String> environment, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine commandLine = HubqlCommand.newCommandLine(environment);
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        QueryCommand command = commandLine.getSubcommands().get("query").getCommand();
        command.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        String[] all = new String[args.length + 1];
        all[0] = "query";
        System.arraycopy(args, 0, all, 1, args.length);
        int exitCode = commandLine.execute(all);
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run query(String... args) {
        return query(Map.of(), "", args);
    }

    @Test
    void as_admin_prints_what_an_open_gateway_answers_and_exits_0() {
        Run run = query("--db", hub.toString(), "--as-admin", USERS);
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.json()).isEqualTo(open.query(USERS));
        assertThat(run.json().at("/data/users/totalCount").asInt()).isGreaterThan(1);
        assertThat(run.out()).endsWith("\n").doesNotContain("SECRET");
    }

    @Test
    void a_token_reads_with_its_scopes_as_over_http() {
        Run run = query("--db", hub.toString(), "--token", ALICE, USERS);
        assertThat(run.json()).isEqualTo(byToken.as(ALICE).query(USERS));
        assertThat(run.json().at("/data/users/totalCount").asInt())
                .isLessThan(open.query(USERS).at("/data/users/totalCount").asInt());
        Run who = query("--db", hub.toString(), "--token", ALICE, "{ viewer { ... on User { name } } }");
        assertThat(who.json().at("/data/viewer/name").asText()).isEqualTo("alice");
    }

    @Test
    void the_token_may_come_from_hubql_token_and_the_database_from_hubql_db() {
        Run run = query(
                Map.of("HUBQL_TOKEN", ALICE, "HUBQL_DB", hub.toString()), "", "{ viewer { ... on User { name } } }");
        assertThat(run.exitCode()).isZero();
        assertThat(run.json().at("/data/viewer/name").asText()).isEqualTo("alice");
    }

    @Test
    void an_answer_with_errors_is_printed_and_exits_1() {
        Run invalid = query("--db", hub.toString(), "--as-admin", "{ nonsense }");
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.json().at("/errors/0/extensions/code").asText()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(invalid.json()).isEqualTo(open.query("{ nonsense }"));

        Run syntax = query("--db", hub.toString(), "--as-admin", "{ users {");
        assertThat(syntax.exitCode()).isEqualTo(1);
        assertThat(syntax.json().at("/errors/0/extensions/code").asText()).isEqualTo("GRAPHQL_PARSE_FAILED");
    }

    @Test
    void the_document_comes_from_a_file_or_standard_input_with_variables_and_an_operation() throws Exception {
        String document = "query One($name: String!) { user(name: $name) { name } } query Two { hub { __typename } }";
        Path file = Files.writeString(directory.resolve("one.graphql"), document);
        for (Run run : List.of(
                query(
                        "--db",
                        hub.toString(),
                        "--as-admin",
                        "--file",
                        file.toString(),
                        "--operation",
                        "One",
                        "--variables",
                        "{\"name\": \"alice\"}"),
                query(
                        Map.of(),
                        document,
                        "--db",
                        hub.toString(),
                        "--as-admin",
                        "--operation",
                        "One",
                        "--variables",
                        "{\"name\": \"alice\"}",
                        "-"))) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.json().at("/data/user/name").asText()).isEqualTo("alice");
        }
        Run two = query("--db", hub.toString(), "--as-admin", "-f", file.toString(), "--operation", "Two");
        assertThat(two.json().at("/data/hub/__typename").asText()).isEqualTo("Hub");
    }

    @Test
    void bad_arguments_are_one_line_and_exit_code_2() {
        String db = hub.toString();
        Map<List<String>, String> cases = new java.util.LinkedHashMap<>();
        cases.put(List.of("--as-admin", USERS), "name the hub database: --db");
        cases.put(List.of("--db", db, USERS), "--token TOKEN (or HUBQL_TOKEN) or --as-admin");
        cases.put(List.of("--db", db, "--token", ALICE, "--as-admin", USERS), "not both");
        cases.put(
                List.of("--db", db, "--as-admin", "--variables", "{not json", USERS),
                "--variables is not a JSON object");
        cases.put(
                List.of("--db", db, "--as-admin", "--variables", "[1, 2]", USERS), "--variables is not a JSON object");
        cases.put(List.of("--db", db, "--as-admin"), "give the GraphQL document");
        cases.put(
                List.of("--db", db, "--as-admin", "--file", "/nonexistent/q.graphql"),
                "cannot read --file /nonexistent/q.graphql: no such file");
        cases.put(List.of("--db", db, "--as-admin", "--file", db, USERS), "give the GraphQL document");
        cases.put(List.of("--db", db, "--as-admin", " "), "the GraphQL document is empty");
        cases.put(
                List.of("--db", directory.resolve("missing.sqlite").toString(), "--as-admin", USERS),
                "database file not found");
        cases.put(List.of("--db", db, "--token", "not-a-token", USERS), "the token is not valid");
        cases.put(List.of("--db", db, "--as-admin", "--bogus", USERS), "Unknown option: '--bogus'");
        cases.put(List.of("--db", "postgresql://hub:hunter2@127.0.0.1:1/hub", "--as-admin", USERS), "cannot open");
        cases.forEach((args, message) -> {
            Run run = query(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(args.toString()).isEqualTo(2);
            assertThat(run.out()).as(args.toString()).isEmpty();
            assertThat(run.err().strip())
                    .as(args.toString())
                    .startsWith("hubql: ")
                    .contains(message)
                    .doesNotContain("\n", "\tat ", "hunter2");
        });
        assertThat(directory.resolve("missing.sqlite")).doesNotExist();
    }

    @Test
    void the_help_names_the_exit_codes() {
        Run help = query("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .contains("--db", "--token", "--as-admin", "--variables", "--operation", "--file", "Exit code");
    }
}
