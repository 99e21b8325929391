package org.hubql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve --config FILE}: a flag wins over the environment, which wins over the file, which wins over the default. */
class ConfigFileTest {
    @TempDir
    Path directory;

    private Path file(String... lines) throws Exception {
        return Files.write(directory.resolve("hubql.properties"), List.of(lines));
    }

    private static ServeCommand parse(Map<String, String> environment, String... args) {
        CommandLine commandLine = HubqlCommand.newCommandLine(environment);
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        commandLine.parseArgs(all);
        return commandLine.getSubcommands().get("serve").getCommand();
    }

    private record Run(int exitCode, String out, String err) {}

    private static Run run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine commandLine = HubqlCommand.newCommandLine(environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void the_file_gives_any_option_by_its_long_name() throws Exception {
        Path config = file(
                "# hubql serve",
                "port = 9090",
                "db=/srv/jupyterhub/jupyterhub.sqlite",
                "trace=true",
                "no-introspection = true",
                "cors-origin=https://a.example,https://b.example",
                "base-path=/services/hubql/",
                "max-depth=9");
        ServeCommand serve = parse(Map.of(), "--config", config.toString());
        assertThat(serve.port).isEqualTo(9090);
        assertThat(serve.database.url).isEqualTo("/srv/jupyterhub/jupyterhub.sqlite");
        assertThat(serve.trace).isTrue();
        assertThat(serve.noIntrospection).isTrue();
        assertThat(serve.service.corsOrigins).containsExactly("https://a.example", "https://b.example");
        assertThat(serve.service.basePath).isEqualTo("/services/hubql/");
        assertThat(serve.maxDepth).isEqualTo(9);
        assertThat(serve.maxCost).as("not in the file: the default").isEqualTo(200000);
        assertThat(serve.noAuth).as("not in the file: the default").isFalse();
    }

    @Test
    void a_flag_wins_over_the_environment_which_wins_over_the_file_which_wins_over_the_default() throws Exception {
        Path config = file("port=9090", "max-depth=9", "cors-origin=https://file.example", "trace=false");
        Map<String, String> environment = Map.of(
                "HUBQL_PORT", "7070",
                "HUBQL_CORS_ORIGIN", "https://env.example,https://env2.example",
                "HUBQL_TRACE", "true");

        ServeCommand flags = parse(
                environment,
                "--config",
                config.toString(),
                "--port",
                "6060",
                "--cors-origin",
                "https://flag.example",
                "--max-depth",
                "4");
        assertThat(flags.port).isEqualTo(6060);
        assertThat(flags.service.corsOrigins).containsExactly("https://flag.example");
        assertThat(flags.maxDepth).isEqualTo(4);

        ServeCommand fromEnvironment = parse(environment, "--config", config.toString());
        assertThat(fromEnvironment.port).isEqualTo(7070);
        assertThat(fromEnvironment.service.corsOrigins).containsExactly("https://env.example", "https://env2.example");
        assertThat(fromEnvironment.trace)
                .as("a boolean from the environment over the file's false")
                .isTrue();
        assertThat(fromEnvironment.maxDepth).as("only in the file").isEqualTo(9);

        ServeCommand fromFile = parse(Map.of(), "--config", config.toString());
        assertThat(fromFile.port).isEqualTo(9090);
        assertThat(fromFile.service.corsOrigins).containsExactly("https://file.example");
        assertThat(fromFile.trace).isFalse();

        ServeCommand defaults = parse(Map.of());
        assertThat(defaults.port).isEqualTo(8080);
        assertThat(defaults.maxDepth).isEqualTo(15);
        assertThat(defaults.service.corsOrigins).isEmpty();
    }

    @Test
    void hubql_config_names_the_file_too_and_the_flag_wins_over_it() throws Exception {
        Path config = file("port=9090");
        Path other = Files.write(directory.resolve("other.properties"), List.of("port=9191"));
        assertThat(parse(Map.of("HUBQL_CONFIG", config.toString())).port).isEqualTo(9090);
        assertThat(parse(Map.of("HUBQL_CONFIG", config.toString()), "--config", other.toString()).port)
                .isEqualTo(9191);
    }

    @Test
    void the_service_variables_of_jupyterhub_win_over_the_file() throws Exception {
        Path config = file("port=9090", "bind=0.0.0.0");
        ServeCommand serve =
                parse(Map.of("JUPYTERHUB_SERVICE_URL", "http://127.0.0.1:10101"), "--config", config.toString());
        assertThat(serve.port).isEqualTo(10101);
        assertThat(serve.bind).isEqualTo("127.0.0.1");
    }

    @Test
    void an_unknown_key_is_exit_code_2_naming_it() throws Exception {
        Path config = file("prot=9090", "port=9090", "config=/etc/other.properties");
        Run run = run(Map.of(), "serve", "--config", config.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .startsWith("hubql: the config file " + config + " has keys that are not options of hubql serve:"
                        + " config, prot")
                .doesNotContain("\n", "\tat ");
    }

    @Test
    void an_unreadable_file_is_exit_code_2_naming_it() {
        Path missing = directory.resolve("missing.properties");
        for (Run run : List.of(
                run(Map.of(), "serve", "--config", missing.toString()),
                run(Map.of("HUBQL_CONFIG", missing.toString()), "serve"),
                run(Map.of(), "serve", "--config", directory.toString()))) {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().strip())
                    .startsWith("hubql: cannot read the config file ")
                    .doesNotContain("\n", "\tat ");
        }
        assertThat(run(Map.of(), "serve", "--config", missing.toString()).err()).contains(missing + ": no such file");
    }

    @Test
    void a_bad_value_in_the_file_is_a_usage_error() throws Exception {
        Path config = file("port=http");
        Run run = run(Map.of(), "serve", "--config", config.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--port", "http").doesNotContain("\tat ");
    }

    @Test
    void the_help_documents_the_file_and_its_variable() {
        Run help = run(Map.of(), "serve", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--config=FILE", "port=8080").containsPattern("--config\\s+HUBQL_CONFIG");
    }
}
