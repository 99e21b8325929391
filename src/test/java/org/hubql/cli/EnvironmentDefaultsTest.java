package org.hubql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Map;
import org.hubql.http.HttpOptions;
import org.hubql.http.ServiceMode;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Options from the environment: flags win over {@code HUBQL_*}, which wins over JupyterHub's service variables and defaults. */
class EnvironmentDefaultsTest {
    /** What JupyterHub 3.0 gives a managed service named hubql (seen in the real hub's service environment). */
    private static final Map<String, String> JUPYTERHUB = Map.of(
            "JUPYTERHUB_SERVICE_NAME", "hubql",
            "JUPYTERHUB_SERVICE_PREFIX", "/services/hubql/",
            "JUPYTERHUB_SERVICE_URL", "http://127.0.0.1:10101",
            "JUPYTERHUB_API_URL", "http://127.0.0.1:8081/hub/api",
            "JUPYTERHUB_API_TOKEN", "the-services-token",
            "JUPYTERHUB_CLIENT_ID", "service-hubql",
            "JUPYTERHUB_OAUTH_CALLBACK_URL", "/services/hubql/oauth_callback",
            "JUPYTERHUB_BASE_URL", "/");

    private static ServeCommand parse(Map<String, String> environment, String... args) {
        CommandLine commandLine = HubqlCommand.newCommandLine(environment);
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        commandLine.parseArgs(all);
        return commandLine.getSubcommands().get("serve").getCommand();
    }

    @Test
    void a_flag_wins_over_the_environment_which_wins_over_the_default() {
        Map<String, String> both = Map.of("HUBQL_PORT", "7000", "JUPYTERHUB_SERVICE_URL", "http://127.0.0.1:10101");
        assertThat(parse(both, "--port", "9").port).isEqualTo(9);
        assertThat(parse(both).port).isEqualTo(7000);
        assertThat(parse(Map.of("JUPYTERHUB_SERVICE_URL", "http://127.0.0.1:10101")).port)
                .isEqualTo(10101);
        assertThat(parse(Map.of()).port).isEqualTo(8080);
        assertThat(parse(Map.of("HUBQL_DB", "/srv/jupyterhub/jupyterhub.sqlite")).database.url)
                .isEqualTo("/srv/jupyterhub/jupyterhub.sqlite");
        assertThat(parse(Map.of("HUBQL_NO_AUTH", "true")).noAuth).isTrue();
    }

    @Test
    void a_service_started_by_the_hub_takes_everything_from_its_environment() {
        ServeCommand serve = parse(JUPYTERHUB);
        assertThat(serve.bind).isEqualTo("127.0.0.1");
        assertThat(serve.port).isEqualTo(10101);
        HttpOptions http = serve.service.http(false, 262_144, HttpOptions.Connections.defaults(), JUPYTERHUB);
        assertThat(http.basePath()).isEqualTo("/services/hubql");
        ServiceMode.Service service = (ServiceMode.Service) http.service();
        assertThat(service.name()).isEqualTo("hubql");
        ServiceMode.Login.OAuth login = (ServiceMode.Login.OAuth) service.login();
        assertThat(login.clientId()).isEqualTo("service-hubql");
        assertThat(login.clientSecret()).isEqualTo("the-services-token");
        assertThat(login.authorizeUrl()).isEqualTo(URI.create("/hub/api/oauth2/authorize"));
        assertThat(login.tokenUrl()).isEqualTo(URI.create("http://127.0.0.1:8081/hub/api/oauth2/token"));
        assertThat(login.callbackUrl()).isEqualTo(URI.create("/services/hubql/oauth_callback"));
        assertThat(login.logoutUrl()).isEqualTo(URI.create("/hub/logout"));
        assertThat(login.toString()).doesNotContain("the-services-token");
    }

    @Test
    void without_a_client_a_service_takes_tokens_in_headers_only() {
        ServeCommand serve = parse(Map.of(), "--service-name", "hubql", "--base-path", "services/hubql");
        HttpOptions http = serve.service.http(false, 262_144, HttpOptions.Connections.defaults(), Map.of());
        assertThat(http.basePath()).isEqualTo("/services/hubql");
        assertThat(((ServiceMode.Service) http.service()).login()).isInstanceOf(ServiceMode.Login.None.class);
        assertThat(parse(Map.of())
                        .service
                        .http(false, 1, HttpOptions.Connections.defaults(), Map.of())
                        .service())
                .isInstanceOf(ServiceMode.Standalone.class);
    }

    @Test
    void the_help_says_which_variable_feeds_which_option() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine commandLine = HubqlCommand.newCommandLine(Map.of());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.execute("serve", "--help");
        assertThat(out.toString())
                .containsPattern("--port\\s+HUBQL_PORT, JUPYTERHUB_SERVICE_URL")
                .containsPattern("--base-path\\s+HUBQL_BASE_PATH, JUPYTERHUB_SERVICE_PREFIX")
                .containsPattern("--db\\s+HUBQL_DB\\R");
    }

    @Test
    void a_malformed_service_url_is_one_line_and_exit_code_2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine commandLine = HubqlCommand.newCommandLine(Map.of("JUPYTERHUB_SERVICE_URL", "http://[broken"));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute("serve");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).contains("JUPYTERHUB_SERVICE_URL").doesNotContain("\n\tat ");
    }

    @Test
    void a_callback_outside_the_base_path_is_a_usage_error() {
        Map<String, String> wrong = new java.util.HashMap<>(JUPYTERHUB);
        wrong.put("JUPYTERHUB_OAUTH_CALLBACK_URL", "/elsewhere/oauth_callback");
        ServeCommand serve = parse(wrong);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> serve.service.http(false, 1, HttpOptions.Connections.defaults(), wrong))
                .hasMessageContaining("--oauth-callback-url must be below --base-path");
    }
}
