package org.hubql.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes {@code bench/RESULTS.md} from what {@code bench/run} measured: every figure comes from the files in the
 * work directory, and the targets of the issue are checked against them.
 *
 * <p>Usage: {@code BenchReport WORK_DIR NOTES_MD RESULTS_MD}. The section {@code bench/live-hub} wrote
 * ({@link LiveHubReport}) is kept, at the end.
 */
public final class BenchReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MEDIUM = 10_000;
    private static final int LARGE = 100_000;
    /** Issue 9: checking a restricted viewer's scopes costs at most half again the admin's time. */
    private static final double RESTRICTED_LIMIT = 1.5;

    private final Map<Integer, Map<String, JsonNode>> inProcess = new TreeMap<>();
    private final List<JsonNode> http = new ArrayList<>();
    private final List<JsonNode> memory = new ArrayList<>();
    private NestedHttpTable nestedOverHttp = new NestedHttpTable(List.of());
    /** {@link FlatPage}'s measurement, in a full SQLite run only. */
    private Optional<JsonNode> flatPage = Optional.empty();

    private static final List<String> SERVER_ENGINES = List.of("postgresql", "mariadb");

    private final StringBuilder out = new StringBuilder();
    /** The heading of a part: {@code ## } in the SQLite report, {@code ### } inside a server engine's section. */
    private final String part;

    private BenchReport(String part) {
        this.part = part;
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 4 && args[0].equals("--engine")) {
            writeEngine(args[1], Path.of(args[2]), Path.of(args[3]));
            return;
        }
        Path work = Path.of(args[0]);
        BenchReport report = new BenchReport("## ");
        report.read(work);
        String notes = Files.exists(Path.of(args[1])) ? Files.readString(Path.of(args[1])) : "";
        Path results = Path.of(args[2]);
        String existing = Files.exists(results) ? Files.readString(results) : "";
        StringBuilder kept = new StringBuilder();
        for (String engine : SERVER_ENGINES) {
            keep(kept, MarkedSection.engine(engine).of(existing));
        }
        keep(kept, MarkedSection.liveHub().of(existing));
        String rendered = report.render(Files.readString(work.resolve("machine.txt")), notes);
        Files.writeString(results, kept.isEmpty() ? rendered : rendered.stripTrailing() + "\n\n" + kept + "\n");
    }

    private static void keep(StringBuilder kept, String section) {
        if (!section.isEmpty()) {
            kept.append(kept.isEmpty() ? "" : "\n\n").append(section);
        }
    }

    /**
     * {@code BenchReport --engine ENGINE WORK_DIR RESULTS_MD}: writes that server engine's section of the results
     * (its own measurements, and PostGraphile's beside hubql's on PostgreSQL) and leaves the rest of the file as is.
     */
    private static void writeEngine(String engine, Path work, Path results) throws IOException {
        if (!SERVER_ENGINES.contains(engine)) {
            throw new IllegalArgumentException("not a server engine: " + engine);
        }
        BenchReport report = new BenchReport("### ");
        report.read(work);
        MarkedSection section = MarkedSection.engine(engine);
        String rendered =
                report.renderEngine(engine, Files.readString(work.resolve("machine.txt")), PeerTable.read(work));
        String existing = Files.exists(results) ? Files.readString(results) : "";
        Files.writeString(results, section.replaceIn(existing, rendered, MarkedSection.liveHub()));
    }

    private String renderEngine(String engine, String machine, PeerTable peer) throws IOException {
        MarkedSection markers = MarkedSection.engine(engine);
        line(markers.begin());
        line("## " + (engine.equals("postgresql") ? "PostgreSQL" : "MariaDB") + " (`bench/run --engine " + engine
                + "`)");
        line("");
        line(
                "The same benchmark on demo hubs that `demo-db` wrote onto the local server (127.0.0.1), read by hubql and");
        line(
                "by the baseline over JDBC. Hub sizes are limited to 1,000 and 10,000 users (1,000 with `--quick`) to keep a");
        line(
                "full run reasonable; there is no 100,000-user run and no soak on the servers. The nested query over HTTP");
        line("runs on a 2,000-user hub, and on the 10,000-user one in place of the 100,000-user hub of SQLite.");
        line("");
        line("```");
        out.append(machine.strip()).append('\n');
        line("```");
        line("");
        targets(Stream.concat(nestedOverHttp.targets().stream(), peer.targets().stream())
                .toList());
        peer.render(out);
        inProcessTables();
        restrictedTable();
        nestedOverHttp.render(out, part);
        statementTable();
        httpTable();
        memoryTable();
        out.append(markers.end());
        return out.toString();
    }

    private void read(Path work) throws IOException {
        try (Stream<Path> files = Files.list(work)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("inprocess-\\d+\\.json"))
                    .toList()) {
                JsonNode run = MAPPER.readTree(file.toFile());
                Map<String, JsonNode> byQuery = new TreeMap<>();
                run.get("queries").forEach(q -> byQuery.put(q.get("query").asText(), q));
                inProcess.put(run.get("size").asInt(), byQuery);
            }
        }
        readLines(work.resolve("http.jsonl"), http);
        readLines(work.resolve("memory.jsonl"), memory);
        nestedOverHttp = NestedHttpTable.read(work);
        Path flat = work.resolve("flat-dashboard.json");
        flatPage = Files.exists(flat) ? Optional.of(MAPPER.readTree(flat.toFile())) : Optional.empty();
    }

    private static void readLines(Path file, List<JsonNode> into) throws IOException {
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    into.add(MAPPER.readTree(line));
                }
            }
        }
    }

    private String render(String machine, String notes) {
        line("# hubql benchmark results");
        line("");
        line("Written by `bench/run` from its own measurements; do not edit by hand (the analysis lives in");
        line("`bench/NOTES.md` and is copied in at the end). Times are medians/p99 over warmed-up runs.");
        line("");
        line(part + "Machine");
        line("");
        line("```");
        out.append(machine.strip()).append('\n');
        line("```");
        line("");
        line("The load averages above say how busy the 2 cores were (wrk and the server share them during the HTTP");
        line(
                "part): expect noise, especially in p99 and in the HTTP figures. In process, the two sides of each comparison (hubql and");
        line(
                "the baseline; hubql as a restricted viewer and as the admin) are called alternately, one call each, so noise falls on both");
        line("sides of each ratio alike.");
        line("");
        targets(nestedOverHttp.targets());
        inProcessTables();
        restrictedTable();
        nestedOverHttp.render(out, part);
        statementTable();
        httpTable();
        memoryTable();
        if (!notes.isBlank()) {
            line("---");
            line("");
            out.append(notes.strip()).append('\n');
        }
        return out.toString();
    }

    /** The Targets table: today's targets, then {@code issue14}'s rows. */
    private void targets(List<Target> issue14) {
        line(part + "Targets");
        line("");
        line("| target | measured | holds |");
        line("|---|---|---|");
        ratioTarget("WIDE", MEDIUM, 1.5);
        ratioTarget("DASHBOARD", MEDIUM, 1.5);
        ratioTarget("USER_BY_NAME", MEDIUM, 3.0);
        restrictedTargets();
        flatPage.ifPresent(flat -> row(
                String.format(
                        Locale.ROOT,
                        "dashboard page at %,d users ≤ 1.5 × its time at %,d (hubql alone, alternated in one JVM)",
                        flat.get("largeUsers").asInt(),
                        flat.get("smallUsers").asInt()),
                String.format(
                        Locale.ROOT,
                        "%s / %s = %.2f ×",
                        us(flat.get("largeMedianUs")),
                        us(flat.get("smallMedianUs")),
                        flat.get("growth").asDouble()),
                flat.get("growth").asDouble() <= 1.5));
        long errors = http.stream().mapToLong(BenchReport::errors).sum();
        long requests = http.stream().mapToLong(p -> p.get("requests").asLong()).sum();
        row(
                "zero errors over HTTP",
                String.format(Locale.ROOT, "%d errors in %,d requests", errors, requests),
                errors == 0 && !http.isEmpty());
        JsonNode warm = memoryAt(LARGE, "warm");
        JsonNode end = memoryAt(LARGE, "end");
        if (warm != null && end != null) {
            double ratio =
                    end.get("heapUsedKb").asDouble() / warm.get("heapUsedKb").asDouble();
            row(
                    "heap after the 100,000-user run and the 64-client soak ≤ 1.2 × after warm-up",
                    String.format(
                            Locale.ROOT,
                            "%s / %s = %.2f ×",
                            mb(end.get("heapUsedKb")),
                            mb(warm.get("heapUsedKb")),
                            ratio),
                    ratio <= 1.2);
        }
        boolean flat = true;
        for (BenchQuery q : BenchQuery.ALL) {
            flat &= statementsBySize(q.name()).stream().distinct().count() == 1;
        }
        row(
                "statements per request the same at every size, for every query",
                flat ? "yes (table below)" : "no (table below)",
                flat);
        issue14.forEach(target -> line(target.markdown()));
        line("");
    }

    private void ratioTarget(String query, int size, double limit) {
        JsonNode q = query(size, query);
        if (q == null) {
            return;
        }
        double ratio = q.get("ratio").asDouble();
        row(
                String.format(
                        Locale.ROOT,
                        "%s at %,d users: hubql / baseline ≤ %.1f",
                        q.get("label").asText(),
                        size,
                        limit),
                String.format(
                        Locale.ROOT,
                        "%s / %s = %.2f",
                        us(q.get("hubqlMedianUs")),
                        us(q.get("baselineMedianUs")),
                        ratio),
                ratio <= limit);
    }

    private void restrictedTargets() {
        JsonNode wide = restricted(MEDIUM, "WIDE");
        if (wide != null) {
            double ratio = wide.get("ratio").asDouble();
            row(
                    String.format(
                            Locale.ROOT,
                            "%s at %,d users: restricted viewer / admin ≤ %.1f",
                            BenchQuery.WIDE.label(),
                            MEDIUM,
                            RESTRICTED_LIMIT),
                    String.format(
                            Locale.ROOT,
                            "%s / %s = %.2f",
                            us(wide.get("restrictedMedianUs")),
                            us(wide.get("adminMedianUs")),
                            ratio),
                    ratio <= RESTRICTED_LIMIT);
        }
        List<String> over = new ArrayList<>();
        double highest = 0;
        int measured = 0;
        for (Map.Entry<Integer, Map<String, JsonNode>> size : inProcess.entrySet()) {
            for (BenchQuery query : BenchQuery.ALL) {
                JsonNode pair = restricted(size.getKey(), query.name());
                if (pair == null) {
                    continue;
                }
                double ratio = pair.get("ratio").asDouble();
                measured++;
                highest = Math.max(highest, ratio);
                if (ratio > RESTRICTED_LIMIT) {
                    over.add(String.format(Locale.ROOT, "%s at %,d users: %.2f", query.label(), size.getKey(), ratio));
                }
            }
        }
        if (measured > 0) {
            row(
                    String.format(
                            Locale.ROOT,
                            "every query at every size: restricted viewer / admin ≤ %.1f",
                            RESTRICTED_LIMIT),
                    over.isEmpty()
                            ? String.format(Locale.ROOT, "highest %.2f (table below)", highest)
                            : "over it: " + String.join("; ", over),
                    over.isEmpty());
        }
    }

    private void inProcessTables() {
        line(part + "In process: hubql against the hand-written baseline");
        line("");
        line(
                "hubql = `HubGraph.execute` + Jackson, as the HTTP handler does it; baseline = purpose-built SQL over one");
        line("read-only JDBC connection with prepared statements kept open + Jackson's streaming generator. Both");
        line(
                "produce the same JSON (checked on every run, and by `BaselineParityTest` in `mvn verify`). \"hubql alone\"");
        line(
                "is a second series with no baseline call in between (at 100,000 users the baseline's full-table scans between");
        line(
                "hubql's calls evict hubql's data from the CPU caches); the flatness target alternates the two hubs in one JVM.");
        line("");
        line(
                "| users | query | hubql median | hubql p99 | baseline median | baseline p99 | hubql / baseline | hubql alone median | hubql alone p99 | statements (hubql / baseline) | response | runs |");
        line("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        inProcess.forEach((size, queries) -> {
            for (BenchQuery bq : BenchQuery.ALL) {
                JsonNode q = queries.get(bq.name());
                if (q != null) {
                    line(String.format(
                            Locale.ROOT,
                            "| %,d | %s | %s | %s | %s | %s | %.2f | %s | %s | %d / %d | %,d B | %,d |",
                            size,
                            q.get("label").asText(),
                            us(q.get("hubqlMedianUs")),
                            us(q.get("hubqlP99Us")),
                            us(q.get("baselineMedianUs")),
                            us(q.get("baselineP99Us")),
                            q.get("ratio").asDouble(),
                            us(q.get("hubqlAloneMedianUs")),
                            us(q.get("hubqlAloneP99Us")),
                            q.get("statements").asInt(),
                            q.get("baselineStatements").asInt(),
                            q.get("responseBytes").asInt(),
                            q.get("iterations").asInt()));
                }
            }
        });
        line("");
    }

    private void restrictedTable() {
        line(part + "In process: a restricted viewer against the admin");
        line("");
        line(
                "The same hubql, on the same hub, called alternately as the admin (every scope, unfiltered: nothing is checked)");
        line("and as a user holding `" + String.join("`, `", BenchViewers.RESTRICTED_SCOPES) + "` unfiltered:");
        line(
                "enough to read every field of every query, but not every scope the schema declares, so every field and every");
        line(
                "object is checked. Its answer is the admin's, byte for byte (checked before timing; a difference aborts the run).");
        line("");
        line(
                "| users | query | restricted median | admin median | restricted / admin | CPU restricted / admin | restricted p99 | admin p99 | allocated (restricted / admin) | statements (restricted / admin) | runs |");
        line("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        inProcess.forEach((size, queries) -> {
            for (BenchQuery bq : BenchQuery.ALL) {
                JsonNode q = restricted(size, bq.name());
                if (q != null) {
                    line(String.format(
                            Locale.ROOT,
                            "| %,d | %s | %s | %s | %.2f | %.2f | %s | %s | %s / %s | %d / %d | %,d |",
                            size,
                            bq.label(),
                            us(q.get("restrictedMedianUs")),
                            us(q.get("adminMedianUs")),
                            q.get("ratio").asDouble(),
                            q.get("cpuRatio").asDouble(),
                            us(q.get("restrictedP99Us")),
                            us(q.get("adminP99Us")),
                            kb(q.get("restrictedAllocKb")),
                            kb(q.get("adminAllocKb")),
                            q.get("restrictedStatements").asInt(),
                            q.get("adminStatements").asInt(),
                            q.get("iterations").asInt()));
                }
            }
        });
        line("");
    }

    private void statementTable() {
        line(part + "SQL statements per request");
        line("");
        StringBuilder header = new StringBuilder("| query |");
        StringBuilder rule = new StringBuilder("|---|");
        inProcess.keySet().forEach(size -> {
            header.append(String.format(Locale.ROOT, " %,d users |", size));
            rule.append("---:|");
        });
        line(header + " same at every size |");
        line(rule + "---|");
        for (BenchQuery q : BenchQuery.ALL) {
            List<Integer> counts = statementsBySize(q.name());
            StringBuilder row = new StringBuilder("| " + q.label() + " |");
            counts.forEach(c -> row.append(' ').append(c).append(" |"));
            line(row + (counts.stream().distinct().count() == 1 ? " yes |" : " **no** |"));
        }
        line("");
    }

    private void httpTable() {
        line(part + "Over HTTP (wrk, POST /graphql, keep-alive)");
        line("");
        line("`wrk -t2 -cN --latency` (`-t1` for one connection) against `hubql serve` on the same machine; the load");
        line("generator shares the 2 cores with the server, so these are lower bounds of what the server alone does.");
        line("");
        line("| users | query | connections | req/s | p50 | p99 | errors |");
        line("|---:|---|---:|---:|---:|---:|---:|");
        for (JsonNode p : http) {
            double seconds = p.get("durationUs").asDouble() / 1e6;
            String label = BenchQuery.valueOf(p.get("query").asText().toUpperCase(Locale.ROOT))
                            .label()
                    + (p.has("soak") ? " (soak)" : "");
            line(String.format(
                    Locale.ROOT,
                    "| %,d | %s | %d | %,.0f | %s | %s | %d |",
                    p.get("size").asInt(),
                    label,
                    p.get("connections").asInt(),
                    p.get("requests").asDouble() / seconds,
                    us(p.get("p50Us")),
                    us(p.get("p99Us")),
                    errors(p)));
        }
        line("");
    }

    private void memoryTable() {
        line(part + "Server memory");
        line("");
        line(
                "Heap in use after a full GC (`jcmd GC.run`, then `GC.heap_info`) and RSS (`/proc/<pid>/status`), after the");
        line("HTTP warm-up and at the end of each size's run (at 100,000 users the end follows the soak).");
        line("");
        line("| users | heap after warm-up | heap at end | end / warm-up | RSS after warm-up | RSS at end |");
        line("|---:|---:|---:|---:|---:|---:|");
        for (int size : inProcess.keySet()) {
            JsonNode warm = memoryAt(size, "warm");
            JsonNode end = memoryAt(size, "end");
            if (warm != null && end != null) {
                line(String.format(
                        Locale.ROOT,
                        "| %,d | %s | %s | %.2f | %s | %s |",
                        size,
                        mb(warm.get("heapUsedKb")),
                        mb(end.get("heapUsedKb")),
                        end.get("heapUsedKb").asDouble()
                                / warm.get("heapUsedKb").asDouble(),
                        mb(warm.get("rssKb")),
                        mb(end.get("rssKb"))));
            }
        }
        line("");
    }

    private List<Integer> statementsBySize(String query) {
        List<Integer> counts = new ArrayList<>();
        inProcess.values().forEach(queries -> {
            JsonNode q = queries.get(query);
            counts.add(q == null ? -1 : q.get("statementsMax").asInt());
        });
        return counts;
    }

    private JsonNode query(int size, String query) {
        Map<String, JsonNode> queries = inProcess.get(size);
        return queries == null ? null : queries.get(query);
    }

    /** The restricted-viewer series of a query, or null when the run has none (runs before it was added). */
    private JsonNode restricted(int size, String query) {
        JsonNode q = query(size, query);
        return q == null ? null : q.get("restricted");
    }

    private JsonNode memoryAt(int size, String phase) {
        return memory.stream()
                .filter(m ->
                        m.get("size").asInt() == size && m.get("phase").asText().equals(phase))
                .findFirst()
                .orElse(null);
    }

    private static long errors(JsonNode p) {
        return p.get("connectErrors").asLong()
                + p.get("readErrors").asLong()
                + p.get("writeErrors").asLong()
                + p.get("non2xx").asLong()
                + p.get("timeouts").asLong();
    }

    private void row(String target, String measured, boolean holds) {
        line(new Target(target, measured, holds).markdown());
    }

    static String us(JsonNode micros) {
        double value = micros.asDouble();
        return value >= 1000
                ? String.format(Locale.ROOT, "%.2f ms", value / 1000)
                : String.format(Locale.ROOT, "%.1f µs", value);
    }

    private static String kb(JsonNode kb) {
        double value = kb.asDouble();
        return value >= 1024
                ? String.format(Locale.ROOT, "%.1f MB", value / 1024)
                : String.format(Locale.ROOT, "%.1f KB", value);
    }

    private static String mb(JsonNode kb) {
        return String.format(Locale.ROOT, "%.1f MB", kb.asDouble() / 1024);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
