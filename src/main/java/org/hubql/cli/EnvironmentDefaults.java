package org.hubql.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option values from the environment, for containers and for running as a JupyterHub service: an option
 * {@code --foo-bar} not given on the command line takes {@code HUBQL_FOO_BAR}, else the variable JupyterHub gives
 * a service for it, else its default. Flags win over the environment, which wins over defaults.
 */
final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {
    /** The variables JupyterHub sets for a service it starts, and how each feeds an option. */
    static final Map<String, Service> SERVICE = new LinkedHashMap<>();

    record Service(String variable, Function<String, String> value) {}

    static {
        SERVICE.put("--service-name", new Service("JUPYTERHUB_SERVICE_NAME", Function.identity()));
        SERVICE.put("--base-path", new Service("JUPYTERHUB_SERVICE_PREFIX", Function.identity()));
        SERVICE.put(
                "--bind",
                new Service("JUPYTERHUB_SERVICE_URL", url -> URI.create(url).getHost()));
        SERVICE.put("--port", new Service("JUPYTERHUB_SERVICE_URL", url -> String.valueOf(portOf(URI.create(url)))));
        SERVICE.put("--hub-api-url", new Service("JUPYTERHUB_API_URL", Function.identity()));
        SERVICE.put("--oauth-client-id", new Service("JUPYTERHUB_CLIENT_ID", Function.identity()));
        SERVICE.put("--oauth-callback-url", new Service("JUPYTERHUB_OAUTH_CALLBACK_URL", Function.identity()));
        SERVICE.put("--hub-base-url", new Service("JUPYTERHUB_BASE_URL", Function.identity()));
        SERVICE.put("--hub-public-url", new Service("JUPYTERHUB_PUBLIC_URL", Function.identity()));
    }

    private final Map<String, String> environment;

    EnvironmentDefaults(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** {@code --foo-bar} → {@code HUBQL_FOO_BAR}. */
    static String variableOf(String option) {
        return "HUBQL_" + option.replaceFirst("^--", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
            return null;
        }
        String name = option.longestName();
        String own = environment.get(variableOf(name));
        if (own != null && !own.isEmpty()) {
            return own;
        }
        Service service = SERVICE.get(name);
        String given = service == null ? null : environment.get(service.variable());
        if (given == null || given.isEmpty()) {
            return null;
        }
        try {
            return service.value().apply(given);
        } catch (IllegalArgumentException e) {
            return null; // reported by problems(), with the variable's name
        }
    }

    /** What is wrong with the JupyterHub variables, for a usage error; empty when nothing is. */
    static java.util.Optional<String> problems(Map<String, String> environment) {
        String url = environment.get("JUPYTERHUB_SERVICE_URL");
        if (url == null || url.isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            URI parsed = URI.create(url);
            if (parsed.getHost() == null) {
                return java.util.Optional.of("JUPYTERHUB_SERVICE_URL names no host: " + url);
            }
            return java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of("JUPYTERHUB_SERVICE_URL is not a valid URL: " + url);
        }
    }

    /** The help's closing table: which variables feed which option of {@code command}. */
    static String footer(CommandLine.Model.CommandSpec command) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Environment: an option not given takes the first variable set of those listed (flags win):");
        for (OptionSpec option : command.options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            String name = option.longestName();
            Service service = SERVICE.get(name);
            lines.add(String.format(
                    "  %-24s %s%s", name, variableOf(name), service == null ? "" : ", " + service.variable()));
        }
        return String.join("%n", lines);
    }

    private static int portOf(URI url) {
        if (url.getPort() >= 0) {
            return url.getPort();
        }
        return "https".equals(url.getScheme()) ? 443 : 80;
    }
}
