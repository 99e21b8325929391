package org.hubql.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * {@code bench/live-hub}: hubql next to a hub that keeps writing. Measures (a) the hub's commit waits alone and with
 * hubql serving 64 clients of wide queries, on 2,000 and 10,000 users, in both SQLite journal modes; (b) a real
 * JupyterHub's REST latencies with hubql idle and loaded; (c) a trivial query's latency while heavy queries run;
 * (d) a soak at 64 clients with the writer. Then writes its section of {@code bench/RESULTS.md}
 * ({@link LiveHubReport}).
 *
 * <p>Usage: {@code LiveHubBench WORK_DIR RESULTS_MD [--quick]}, run from the project's root.
 */
public final class LiveHubBench {
    static final List<Integer> SIZES = List.of(2_000, 10_000);
    static final List<String> JOURNALS = List.of("delete", "wal");
    static final String WIDE = "{ users(first: 1000) { nodes { id name admin lastActivity server { url } "
            + "spawners { name active lastActivity server { url } } groups { name } apiTokens { prefix } } } }";
    static final String DASHBOARD =
            "{ users(first: 100, filter: {active: true}) { nodes { name lastActivity server { url } groups { name } } } }";
    static final String TRIVIAL = "{ hub { engine } }";

    private final Path work;
    private final boolean quick;
    private final Duration phase;
    private final Duration soak;
    private final LiveHubReport report;

    private LiveHubBench(Path work, boolean quick) {
        this.work = work;
        this.quick = quick;
        this.phase = Duration.ofSeconds(quick ? 8 : 30);
        this.soak = Duration.ofSeconds(quick ? 60 : 600);
        this.report = new LiveHubReport(quick, phase, soak);
    }

    public static void main(String[] args) throws Exception {
        boolean quick = args.length > 2 && args[2].equals("--quick");
        new LiveHubBench(Path.of(args[0]), quick).run(Path.of(args[1]));
    }

    /** Each part, then the section as far as it goes, so that a part that fails leaves the others' figures. */
    private void run(Path results) throws Exception {
        body("wide", WIDE);
        body("dashboard", DASHBOARD);
        body("trivial", TRIVIAL);
        for (int size : SIZES) {
            for (String journal : JOURNALS) {
                log("writer, " + size + " users, journal " + journal);
                writer(size, journal);
                written(results);
            }
            log("trivial query under heavy load, " + size + " users");
            trivialUnderLoad(size);
            written(results);
        }
        log("JupyterHub");
        jupyterHub();
        written(results);
        log("soak, " + soak.toSeconds() + " s");
        soak(SIZES.get(SIZES.size() - 1));
        written(results);
    }

    private void written(Path results) throws IOException {
        report.loadAtEnd(loadAverage());
        report.writeInto(results);
    }

    /** (a) The writer alone, then with hubql serving 64 clients of wide queries on the same file. */
    private void writer(int size, String journal) throws Exception {
        Path hub = copy(size, journal);
        CommitWriter.Waits alone = write(hub, phase);
        try (ServedHub hubql = ServedHub.start(hub, work.resolve("live-serve.log"))) {
            String token = token(size);
            warm(hubql, token);
            Wrk load =
                    Wrk.start(hubql.url(), token, work.resolve("live-body-wide.json"), 64, (int) phase.toSeconds() + 4);
            Thread.sleep(2_000);
            CommitWriter.Waits loaded = write(hub, phase);
            JsonNode served = load.await();
            report.writer(size, journal, alone, loaded, served, hubql.errors());
        }
    }

    /** (c) Four clients of a trivial query while 60 run wide ones. */
    private void trivialUnderLoad(int size) throws Exception {
        Path hub = copy(size, "delete");
        try (ServedHub hubql = ServedHub.start(hub, work.resolve("live-serve.log"))) {
            String token = token(size);
            warm(hubql, token);
            Wrk heavy =
                    Wrk.start(hubql.url(), token, work.resolve("live-body-wide.json"), 60, (int) phase.toSeconds() + 4);
            Thread.sleep(2_000);
            JsonNode trivial = Wrk.start(
                            hubql.url(), token, work.resolve("live-body-trivial.json"), 4, (int) phase.toSeconds())
                    .await();
            report.trivial(size, trivial, heavy.await());
        }
    }

    /** (b) A real JupyterHub's REST calls with hubql idle, then with hubql serving 64 clients on its database. */
    private void jupyterHub() throws Exception {
        if (!org.hubql.testkit.RealJupyterHub.available()) {
            report.noJupyterHub();
            return;
        }
        int users = quick ? 200 : 2_000;
        try (JupyterHubLoad jupyterHub = JupyterHubLoad.start(users);
                ServedHub hubql = ServedHub.start(jupyterHub.database(), work.resolve("live-serve.log"), "--no-auth")) {
            jupyterHub.drive("warm", Duration.ofSeconds(5));
            JupyterHubLoad.Calls idle = jupyterHub.drive("idle", phase);
            Wrk load = Wrk.start(
                    hubql.url(), "none", work.resolve("live-body-wide.json"), 64, (int) phase.toSeconds() + 4);
            Thread.sleep(2_000);
            JupyterHubLoad.Calls loaded = jupyterHub.drive("loaded", phase);
            JsonNode served = load.await();
            report.jupyterHub(users, idle, loaded, served, jupyterHub.lockedLines());
        }
    }

    /** (d) 64 clients (48 dashboard pages, 16 wide queries) and the writer, for the soak's length. */
    private void soak(int size) throws Exception {
        Path hub = copy(size, "delete");
        try (ServedHub hubql = ServedHub.start(hub, work.resolve("live-serve.log"))) {
            String token = token(size);
            warm(hubql, token);
            ServedHub.Sample start = hubql.sample();
            int seconds = (int) soak.toSeconds();
            Wrk pages = Wrk.start(hubql.url(), token, work.resolve("live-body-dashboard.json"), 48, seconds);
            Wrk wide = Wrk.start(hubql.url(), token, work.resolve("live-body-wide.json"), 16, seconds);
            CompletableFuture<ServedHub.Sample> peak = CompletableFuture.supplyAsync(() -> sampleLate(hubql, seconds));
            CommitWriter.Waits writes = write(hub, soak.minusSeconds(2));
            JsonNode pagesServed = pages.await();
            JsonNode wideServed = wide.await();
            ServedHub.Sample loaded = peak.join();
            ServedHub.Sample end = hubql.sample();
            report.soak(size, start, loaded, end, pagesServed, wideServed, writes, hubql.errors());
        }
    }

    /** A sample near the end of the load, while all 64 clients are still busy. */
    private static ServedHub.Sample sampleLate(ServedHub hubql, int seconds) {
        try {
            Thread.sleep(Math.max(1_000, (seconds - 5) * 1_000L));
            return hubql.sample();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private void warm(ServedHub hubql, String token) throws IOException {
        Wrk.start(hubql.url(), token, work.resolve("live-body-wide.json"), 8, quick ? 3 : 8)
                .await();
    }

    private static CommitWriter.Waits write(Path hub, Duration duration) throws SQLException, InterruptedException {
        CommitWriter writer = new CommitWriter(hub);
        writer.run(duration);
        return writer.waits();
    }

    /** A fresh copy of the demo hub of this size, in this journal mode. */
    private Path copy(int size, String journal) throws IOException, SQLException {
        Path hub = work.resolve("live-run.sqlite");
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            Files.deleteIfExists(Path.of(hub + suffix));
        }
        Files.copy(work.resolve("live-" + size + ".sqlite"), hub, StandardCopyOption.REPLACE_EXISTING);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + hub);
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = " + journal);
        }
        return hub;
    }

    private String token(int size) throws IOException {
        return Files.readString(work.resolve("live-token-" + size + ".txt")).strip();
    }

    private void body(String name, String query) throws IOException {
        Files.writeString(
                work.resolve("live-body-" + name + ".json"), "{\"query\":\"" + query.replace("\"", "\\\"") + "\"}");
    }

    static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static void log(String message) {
        System.err.printf(Locale.ROOT, "[live-hub %tT] %s%n", System.currentTimeMillis(), message);
    }
}
