package org.hubql.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hubql.testkit.JupyterHubConfig.HubPorts;

/**
 * A real JupyterHub (whatever {@code jupyterhub} is on the PATH; Debian's 3.0.0 in CI) on 127.0.0.1, over a SQLite
 * file in a temporary directory, for differential tests: hubql served on {@link #databaseFile()} must answer a
 * token as this hub's REST API does. Start one with {@code JupyterHubConfig.newConfig()…start()}; closing it stops
 * the hub, its proxy and every server it spawned.
 */
public final class RealJupyterHub implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SERVER_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final Path directory;
    private final HubPorts ports;
    private final String adminToken;
    private final HubProcess process;

    /** A REST answer: the status code and the parsed JSON body (a missing node when the body is empty). */
    public record Answer(int status, JsonNode body) {}

    private RealJupyterHub(Path directory, HubPorts ports, String adminToken, HubProcess process) {
        this.directory = directory;
        this.ports = ports;
        this.adminToken = adminToken;
        this.process = process;
    }

    /** Whether a {@code jupyterhub} executable is on the PATH. */
    public static boolean available() {
        String path = System.getenv().getOrDefault("PATH", "");
        return List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "jupyterhub")));
    }

    static RealJupyterHub start(JupyterHubConfig config) {
        Path directory = createTempDirectory();
        try {
            int[] free = freePorts(3);
            HubPorts ports = new HubPorts(free[0], free[1], free[2]);
            Path configFile = Files.writeString(
                    directory.resolve("jupyterhub_config.py"),
                    config.render(directory.resolve("jupyterhub.sqlite"), ports));
            HubProcess process = HubProcess.launch(directory, configFile, directory.resolve("jupyterhub.log"));
            RealJupyterHub hub = new RealJupyterHub(directory, ports, config.adminServiceToken(), process);
            hub.awaitApi();
            return hub;
        } catch (IOException e) {
            deleteDirectory(directory);
            throw new UncheckedIOException(e);
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("hubql-jupyterhub-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Distinct free local ports: all are held open until each is known. */
    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private void awaitApi() {
        boolean up = poll(START_TIMEOUT, () -> !process.isAlive() || answers(URI.create(apiBase() + "/")));
        boolean exited = !process.isAlive();
        if (!up || exited) {
            String tail = logTail();
            close();
            throw new IllegalStateException("JupyterHub did not answer on " + apiBase() + "/ within " + START_TIMEOUT
                    + (exited ? " (it exited)" : "") + "; log tail:\n" + tail);
        }
    }

    private static boolean answers(URI uri) {
        return answers(CLIENT, uri);
    }

    /** Whether {@code uri} answers 200 within two seconds, through {@code client}; no answer is false. */
    public static boolean answers(HttpClient client, URI uri) {
        try {
            return client.send(
                                    HttpRequest.newBuilder(uri)
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The hub's SQLite file, for {@code RunningGateway.serve(hub.databaseFile(), …)}. */
    public Path databaseFile() {
        return directory.resolve("jupyterhub.sqlite");
    }

    /** The temporary directory holding the config, the database and {@code jupyterhub.log}. */
    public Path directory() {
        return directory;
    }

    /** {@code http://127.0.0.1:<hub port>/hub/api}, the REST API's base (the hub's own port, not the proxy's). */
    public String apiBase() {
        return "http://127.0.0.1:" + ports.hub() + "/hub/api";
    }

    /** {@code http://127.0.0.1:<proxy port>}: where browsers reach the hub and its services, through the proxy. */
    public String publicUrl() {
        return "http://127.0.0.1:" + ports.proxy();
    }

    /** The last lines of the hub's log (proxy included), for failure messages. */
    public String logTail() {
        return logTail(line -> true);
    }

    /**
     * The last lines of the hub's log that {@code keep} keeps: where a poll fills the log with the same line, the
     * lines that tell what happened.
     */
    public String logTail(Predicate<String> keep) {
        try {
            List<String> lines = Files.readAllLines(directory.resolve("jupyterhub.log")).stream()
                    .filter(keep)
                    .map(RealJupyterHub::shortened)
                    .toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The command lines of the hub and of every process it started that still runs, one per line. */
    public String runningProcesses() {
        return process.tree().stream()
                .map(handle -> shortened(
                        handle.pid() + " " + handle.info().commandLine().orElse("(command unknown)")))
                .collect(Collectors.joining("\n"));
    }

    /** A line cut to 300 characters: a Java command line with a test class path runs to 20,000. */
    private static String shortened(String line) {
        return line.length() <= 300 ? line : line.substring(0, 300) + "… (" + line.length() + " characters)";
    }

    // ---- REST

    /** {@code GET /hub/api<path>} with {@code Authorization: token <token>}. */
    public Answer get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Answer post(String path, String token, Object jsonBody) {
        String body = jsonBody == null ? "" : RunningGateway.json(jsonBody);
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Answer delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    /**
     * A new API token of {@code user}, minted through {@code POST /users/{user}/tokens} with the admin service's
     * token; empty {@code scopes} give JupyterHub's default, {@code inherit}.
     */
    public String newToken(String user, List<String> scopes, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("note", note);
        if (!scopes.isEmpty()) {
            body.put("scopes", scopes);
        }
        Answer answer = expect(post(userPath(user) + "/tokens", adminToken(), body), 201);
        return answer.body().get("token").asText();
    }

    /** Moves a user's {@code last_activity} to {@code when} (JupyterHub only ever moves it forward). */
    public void postActivity(String user, Instant when) {
        expect(post(userPath(user) + "/activity", adminToken(), Map.of("last_activity", when.toString())), 200);
    }

    /** Starts a user's server ({@code ""}: the default one) and waits until the hub calls it ready. */
    public void startServer(String user, String serverName) {
        expect(post(serverPath(user, serverName), adminToken(), null), 201, 202);
        awaitServer(user, serverName, true);
    }

    /** Stops a user's server and waits until the hub no longer lists it as active. */
    public void stopServer(String user, String serverName) {
        expect(delete(serverPath(user, serverName), adminToken()), 202, 204);
        awaitServer(user, serverName, false);
    }

    private void awaitServer(String user, String serverName, boolean ready) {
        boolean reached = poll(SERVER_TIMEOUT, () -> {
            JsonNode server = expect(get(userPath(user), adminToken()), 200)
                    .body()
                    .path("servers")
                    .path(serverName);
            return ready ? server.path("ready").asBoolean(false) : server.isMissingNode();
        });
        if (!reached) {
            throw new IllegalStateException("server '" + serverName + "' of " + user + " did not "
                    + (ready ? "become ready" : "stop") + " within " + SERVER_TIMEOUT + "; log tail:\n" + logTail());
        }
    }

    private String adminToken() {
        if (adminToken == null) {
            throw new IllegalStateException(
                    "this hub has no admin service: configure one with adminService(name, token)");
        }
        return adminToken;
    }

    private static String userPath(String user) {
        return "/users/" + encode(user);
    }

    private static String serverPath(String user, String serverName) {
        return serverName.isEmpty() ? userPath(user) + "/server" : userPath(user) + "/servers/" + encode(serverName);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(apiBase() + path)).timeout(Duration.ofSeconds(30));
        return token == null ? builder : builder.header("Authorization", "token " + token);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(
                    response.statusCode(), body.isBlank() ? MissingNode.getInstance() : RunningGateway.parse(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer expect(Answer answer, int... statuses) {
        for (int status : statuses) {
            if (answer.status() == status) {
                return answer;
            }
        }
        throw new IllegalStateException(
                "JupyterHub answered " + answer.status() + ": " + answer.body() + "\nlog tail:\n" + logTail());
    }

    private static boolean poll(Duration timeout, BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(Duration.ofMillis(100));
        }
        return true;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- stopping

    /** The hub and every process below it right now (proxy, servers), for tests of this class. */
    List<ProcessHandle> processTree() {
        return process.tree();
    }

    /** Stops the hub, its proxy and every server it spawned; then deletes the temporary directory. */
    @Override
    public void close() {
        process.stop();
        deleteDirectory(directory);
    }

    private static void deleteDirectory(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
