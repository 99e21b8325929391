package org.hubql.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hubql.http.HttpOptions;
import org.hubql.http.ServiceMode;
import picocli.CommandLine.Option;

/**
 * The options of {@code serve} for running next to a hub: as a JupyterHub service under the hub's proxy, with a
 * login through the hub, and for dashboards on other origins. JupyterHub gives a service it starts each of these
 * as an environment variable ({@link EnvironmentDefaults}); its API token comes from {@code JUPYTERHUB_API_TOKEN}
 * or a file, never from the command line.
 */
final class ServiceOptions {
    @Option(
            names = "--service",
            description = "Run as a JupyterHub service (implied by --service-name): every request "
                    + "needs the scope access:services!service=<name>, and browsers log in through the hub.")
    boolean service;

    @Option(
            names = "--service-name",
            paramLabel = "NAME",
            description = "The service's name in the hub's configuration.")
    String name;

    @Option(
            names = "--base-path",
            paramLabel = "PATH",
            defaultValue = "/",
            description = "Serve every route below PATH, e.g. /services/hubql/ (default: ${DEFAULT-VALUE}).")
    String basePath;

    @Option(
            names = "--hub-api-url",
            paramLabel = "URL",
            description = "The hub's API, e.g. http://127.0.0.1:8081/hub/api.")
    URI hubApiUrl;

    @Option(
            names = "--hub-api-token-file",
            paramLabel = "FILE",
            description = "Read the service's API token (its OAuth "
                    + "client secret) from the first line of FILE; else JUPYTERHUB_API_TOKEN is used.")
    Path hubApiTokenFile;

    @Option(
            names = "--oauth-client-id",
            paramLabel = "ID",
            description = "The service's OAuth client id, e.g. service-hubql.")
    String clientId;

    @Option(
            names = "--oauth-callback-url",
            paramLabel = "URL",
            description =
                    "The redirect URI the hub registered for " + "the service (default: <base path>/oauth_callback).")
    String callbackUrl;

    @Option(
            names = "--hub-base-url",
            paramLabel = "PATH",
            defaultValue = "/",
            description = "The hub's base URL, " + "c.JupyterHub.base_url (default: ${DEFAULT-VALUE}).")
    String hubBaseUrl;

    @Option(
            names = "--hub-public-url",
            paramLabel = "URL",
            description = "The hub's public URL, when browsers reach the " + "hub on another host than hubql.")
    String hubPublicUrl;

    @Option(
            names = "--cors-origin",
            paramLabel = "ORIGIN",
            split = ",",
            description = "An origin whose pages may call "
                    + "the API, e.g. https://dash.example.org (repeatable; * for any). None by default.")
    List<String> corsOrigins = List.of();

    /** The HTTP options these flags describe; {@code environment} supplies the API token. */
    HttpOptions http(
            boolean trace, long maxRequestBytes, HttpOptions.Connections connections, Map<String, String> environment) {
        String base = normalizedBasePath();
        return new HttpOptions(
                trace,
                maxRequestBytes,
                base,
                corsOrigins == null ? List.of() : corsOrigins,
                mode(base, environment),
                connections);
    }

    private ServiceMode mode(String base, Map<String, String> environment) {
        if (!service && name == null) {
            return ServiceMode.STANDALONE;
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(
                    "--service needs the service's name: --service-name or JUPYTERHUB_SERVICE_NAME");
        }
        Optional<String> secret = apiToken(environment);
        if (clientId == null || hubApiUrl == null || secret.isEmpty()) {
            return new ServiceMode.Service(name, new ServiceMode.Login.None());
        }
        String hub =
                (hubPublicUrl == null ? "" : hubPublicUrl.replaceAll("/+$", "")) + withSlashes(hubBaseUrl) + "hub/";
        String below = base.equals("/") ? "" : base;
        URI callback = URI.create(callbackUrl != null ? callbackUrl : below + "/oauth_callback");
        if (callback.getPath() == null || !callback.getPath().startsWith(below + "/")) {
            throw new IllegalArgumentException(
                    "--oauth-callback-url must be below --base-path " + base + ": " + callback);
        }
        return new ServiceMode.Service(
                name,
                new ServiceMode.Login.OAuth(
                        clientId,
                        secret.get(),
                        URI.create(hub + "api/oauth2/authorize"),
                        URI.create(hubApiUrl.toString().replaceAll("/+$", "") + "/oauth2/token"),
                        callback,
                        URI.create(hub + "logout")));
    }

    private Optional<String> apiToken(Map<String, String> environment) {
        if (hubApiTokenFile != null) {
            try {
                return Files.readAllLines(hubApiTokenFile).stream()
                        .findFirst()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty());
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "cannot read --hub-api-token-file " + hubApiTokenFile + ": " + e.getMessage());
            }
        }
        return Optional.ofNullable(environment.get("JUPYTERHUB_API_TOKEN")).filter(token -> !token.isBlank());
    }

    /** {@code /}, or the path with one leading and no trailing slash: {@code services/hubql/} → {@code /services/hubql}. */
    private String normalizedBasePath() {
        String trimmed = basePath.strip().replaceAll("^/+|/+$", "");
        if (!trimmed.matches("[A-Za-z0-9._~!$&'()*+,;=:@%/-]*")) {
            throw new IllegalArgumentException("--base-path is not a URL path: " + basePath);
        }
        return "/" + trimmed;
    }

    private static String withSlashes(String path) {
        String trimmed = path.strip().replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? "/" : "/" + trimmed + "/";
    }
}
