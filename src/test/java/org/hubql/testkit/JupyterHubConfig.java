package org.hubql.testkit;

import static java.util.stream.Collectors.joining;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link RealJupyterHub} starts with: users, groups, roles, services and free-form config lines. Rendered as
 * a {@code jupyterhub_config.py} with a dummy authenticator (any password) and {@link #TINY_SPAWNER}.
 */
public final class JupyterHubConfig {
    /**
     * A "server" that is {@code python -m http.server} on a free port: the hub's readiness check accepts any HTTP
     * answer. It lives in the hub's process group, so stopping the group stops it too.
     */
    static final String TINY_SPAWNER = """
            import socket, subprocess, sys
            from jupyterhub.spawner import Spawner

            def _free_port():
                with socket.socket() as s:
                    s.bind(('127.0.0.1', 0))
                    return s.getsockname()[1]

            class TinySpawner(Spawner):
                proc = None

                async def start(self):
                    port = _free_port()
                    self.proc = subprocess.Popen(
                        [sys.executable, '-m', 'http.server', str(port), '--bind', '127.0.0.1'],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    return ('127.0.0.1', port)

                async def poll(self):
                    return 0 if self.proc is None else self.proc.poll()

                async def stop(self, now=False):
                    if self.proc is None:
                        return
                    self.proc.terminate()
                    try:
                        self.proc.wait(5)
                    except subprocess.TimeoutExpired:
                        self.proc.kill()
                    self.proc = None
            """;

    private final Set<String> admins = new LinkedHashSet<>();
    private final Set<String> users = new LinkedHashSet<>();
    private final Map<String, List<String>> groups = new LinkedHashMap<>();
    private final List<Role> roles = new ArrayList<>();
    private final List<Map<String, Object>> services = new ArrayList<>();
    private final List<String> extraLines = new ArrayList<>();
    private String adminServiceToken;

    private JupyterHubConfig() {}

    public static JupyterHubConfig newConfig() {
        return new JupyterHubConfig();
    }

    /** A role for {@code load_roles}; grant it with {@link #toUsers}, {@link #toGroups}, {@link #toServices}. */
    public record Role(
            String name, List<String> scopes, List<String> users, List<String> groups, List<String> services) {

        public static Role newRole(String name, String... scopes) {
            return new Role(name, List.of(scopes), List.of(), List.of(), List.of());
        }

        public Role toUsers(String... names) {
            return new Role(name, scopes, List.of(names), groups, services);
        }

        public Role toGroups(String... names) {
            return new Role(name, scopes, users, List.of(names), services);
        }

        public Role toServices(String... names) {
            return new Role(name, scopes, users, groups, List.of(names));
        }

        Map<String, Object> asConfig() {
            return Map.of("name", name, "scopes", scopes, "users", users, "groups", groups, "services", services);
        }
    }

    /** Admin users; they are allowed users too. */
    public JupyterHubConfig admins(String... names) {
        admins.addAll(List.of(names));
        return users(names);
    }

    public JupyterHubConfig users(String... names) {
        users.addAll(List.of(names));
        return this;
    }

    public JupyterHubConfig group(String name, String... members) {
        groups.put(name, List.of(members));
        return this;
    }

    public JupyterHubConfig role(Role role) {
        roles.add(role);
        return this;
    }

    /** An external service (no URL, no command) with a known API token. */
    public JupyterHubConfig service(String name, String apiToken) {
        services.add(Map.of("name", name, "api_token", apiToken));
        return this;
    }

    /**
     * A service given as its whole {@code c.JupyterHub.services} entry: a hub-managed one ({@code command},
     * {@code url}, {@code environment}, {@code oauth_no_confirm}, …) or an external one with a {@code url}.
     */
    public JupyterHubConfig service(Map<String, Object> entry) {
        services.add(Map.copyOf(entry));
        return this;
    }

    /** A service with {@code admin: True}; {@link RealJupyterHub} acts through its token (servers, new tokens). */
    public JupyterHubConfig adminService(String name, String apiToken) {
        services.add(Map.of("name", name, "api_token", apiToken, "admin", true));
        adminServiceToken = apiToken;
        return this;
    }

    /** A line of Python appended to the generated config, e.g. {@code c.JupyterHub.log_level = 'DEBUG'}. */
    public JupyterHubConfig line(String python) {
        extraLines.add(python);
        return this;
    }

    public RealJupyterHub start() {
        return RealJupyterHub.start(this);
    }

    /** The admin service's token; null when there is none. */
    String adminServiceToken() {
        return adminServiceToken;
    }

    /** The config file's text, for a hub whose database lives at {@code database}. */
    String render(Path database, HubPorts ports) {
        List<String> lines = new ArrayList<>(List.of(
                TINY_SPAWNER,
                "c = get_config()",
                "c.JupyterHub.ip = '127.0.0.1'",
                "c.JupyterHub.port = " + ports.proxy(),
                "c.JupyterHub.hub_ip = '127.0.0.1'",
                "c.JupyterHub.hub_port = " + ports.hub(),
                "c.ConfigurableHTTPProxy.api_url = " + python("http://127.0.0.1:" + ports.proxyApi()),
                "c.JupyterHub.db_url = " + python("sqlite:///" + database.toAbsolutePath()),
                "c.JupyterHub.authenticator_class = 'dummy'",
                "c.JupyterHub.spawner_class = TinySpawner",
                "c.JupyterHub.allow_named_servers = True",
                "c.Authenticator.admin_users = set(" + python(admins) + ")",
                "c.Authenticator.allowed_users = set(" + python(users) + ")",
                "c.JupyterHub.load_groups = " + python(groups),
                "c.JupyterHub.load_roles = "
                        + python(roles.stream().map(Role::asConfig).toList()),
                "c.JupyterHub.services = " + python(services)));
        lines.addAll(extraLines);
        return String.join("\n", lines) + "\n";
    }

    /**
     * Python written into the config as is, where a literal would not do: {@link #DB_URL} hands a service the
     * hub's own database URL, which is known only once the hub's directory is.
     */
    public record Python(String expression) {}

    /** {@code c.JupyterHub.db_url}: the hub's database, e.g. for a service's {@code HUBQL_DB}. */
    public static final Python DB_URL = new Python("c.JupyterHub.db_url");

    /** The hub's three local ports: its own API, the proxy's public port and the proxy's REST API. */
    record HubPorts(int hub, int proxy, int proxyApi) {}

    /** A Python literal for strings, booleans, numbers, lists and dicts of those; {@link Python} as written. */
    static String python(Object value) {
        if (value instanceof Python code) {
            return code.expression();
        }
        if (value instanceof String text) {
            return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
        }
        if (value instanceof Boolean flag) {
            return flag ? "True" : "False";
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(entry -> python(entry.getKey()) + ": " + python(entry.getValue()))
                    .collect(joining(", ", "{", "}"));
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(JupyterHubConfig::python).collect(joining(", ", "[", "]"));
        }
        throw new IllegalArgumentException("no Python literal for " + value);
    }
}
