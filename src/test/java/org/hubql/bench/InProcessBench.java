package org.hubql.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubql.db.DatabaseLocation;
import org.hubql.db.Dialect;

/**
 * Times every benchmark query in process, hubql against the {@link Baseline}, and hubql as a restricted viewer
 * against hubql as the admin, on one hub, and writes {@code inprocess-<size>.json} plus the request bodies the HTTP
 * load uses.
 *
 * <p>Usage: {@code InProcessBench HUB SIZE OUT_DIR WARMUP_SECONDS MEASURE_SECONDS}, where {@code HUB} is a SQLite
 * file or a PostgreSQL/MariaDB JDBC URL (anything {@code --db} accepts). The two sides of each
 * comparison are {@link Interleaved interleaved} call by call, so machine noise hits both alike.
 */
public final class InProcessBench {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InProcessBench() {}

    public static void main(String[] args) throws Exception {
        DatabaseLocation hub = DatabaseLocation.parse(args[0]);
        int size = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        double warmupSeconds = Double.parseDouble(args[3]);
        double measureSeconds = Double.parseDouble(args[4]);
        Files.createDirectories(out);
        BenchQuery.Probe probe = probe(hub);
        ObjectNode report = MAPPER.createObjectNode();
        report.put("size", size);
        report.put("javaVersion", System.getProperty("java.version"));
        ArrayNode results = report.putArray("queries");
        try (HubqlRunner hubql = new HubqlRunner(hub);
                Baseline baseline = new Baseline(hub)) {
            String only = System.getProperty("bench.only", "");
            // one query of any kind for a profile, NESTED included (bench/NOTES.md); the run itself times ALL
            for (BenchQuery query : only.isEmpty() ? BenchQuery.ALL : List.of(BenchQuery.valueOf(only))) {
                Map<String, Object> variables = query.variables(probe);
                writeBody(out.resolve("body-" + query.name().toLowerCase() + "-" + size + ".json"), query, variables);
                results.add(measure(size, query, variables, hubql, baseline, warmupSeconds, measureSeconds));
            }
        }
        MAPPER.writerWithDefaultPrettyPrinter()
                .writeValue(out.resolve("inprocess-" + size + ".json").toFile(), report);
    }

    private static ObjectNode measure(
            int size,
            BenchQuery query,
            Map<String, Object> variables,
            HubqlRunner hubql,
            Baseline baseline,
            double warmupSeconds,
            double measureSeconds)
            throws Exception {
        byte[] ours = hubql.run(query, variables);
        int statements = hubql.lastStatements();
        baseline.takeStatements();
        byte[] theirs = baseline.run(query, variables);
        int baselineStatements = baseline.takeStatements();
        boolean same = MAPPER.readTree(ours).equals(MAPPER.readTree(theirs));
        if (!same) {
            throw new IllegalStateException(query + ": hubql and the baseline disagree");
        }
        int[] maxStatements = {statements};
        Interleaved.Pair pair = Interleaved.time(
                () -> {
                    hubql.run(query, variables);
                    maxStatements[0] = Math.max(maxStatements[0], hubql.lastStatements());
                },
                () -> baseline.run(query, variables),
                warmupSeconds,
                measureSeconds);
        baseline.takeStatements();
        long[] alone = alone(query, variables, hubql, measureSeconds / 2);
        Interleaved.Series ourTimes = pair.first();
        ObjectNode result = MAPPER.createObjectNode();
        result.put("query", query.name());
        result.put("label", query.label());
        result.put("iterations", ourTimes.runs());
        put(result, "hubql", "baseline", pair);
        result.put("hubqlAloneMedianUs", Interleaved.percentile(alone, 0.50) / 1e3);
        result.put("hubqlAloneP99Us", Interleaved.percentile(alone, 0.99) / 1e3);
        result.put("aloneIterations", alone.length);
        result.put("statements", statements);
        result.put("statementsMax", maxStatements[0]);
        result.put("baselineStatements", baselineStatements);
        result.put("responseBytes", ours.length);
        result.put("identicalJson", same);
        System.out.printf(
                "%-7d %-28s hubql %9.1f us (p99 %9.1f, alone %9.1f)  baseline %9.1f us (p99 %9.1f)  ratio %5.2f  cpu-ratio %5.2f  alloc %8.1f/%8.1f KB  stmts %d/%d  n=%d%n",
                size,
                query.label(),
                result.get("hubqlMedianUs").asDouble(),
                result.get("hubqlP99Us").asDouble(),
                result.get("hubqlAloneMedianUs").asDouble(),
                result.get("baselineMedianUs").asDouble(),
                result.get("baselineP99Us").asDouble(),
                result.get("ratio").asDouble(),
                result.get("cpuRatio").asDouble(),
                result.get("hubqlAllocKb").asDouble(),
                result.get("baselineAllocKb").asDouble(),
                statements,
                baselineStatements,
                ourTimes.runs());
        result.set("restricted", measureRestricted(size, query, variables, hubql, warmupSeconds, measureSeconds));
        return result;
    }

    /**
     * hubql as the {@link BenchViewers#restricted restricted viewer} against hubql as the admin, interleaved: what
     * checking every field and object costs. The restricted answer must be the admin's, byte for byte, or the
     * series would time refusals instead of checks.
     */
    private static ObjectNode measureRestricted(
            int size,
            BenchQuery query,
            Map<String, Object> variables,
            HubqlRunner hubql,
            double warmupSeconds,
            double measureSeconds)
            throws Exception {
        byte[] asAdmin = hubql.run(query, variables);
        int adminStatements = hubql.lastStatements();
        byte[] asRestricted = hubql.runRestricted(query, variables);
        int restrictedStatements = hubql.lastStatements();
        if (!Arrays.equals(asAdmin, asRestricted)) {
            throw new IllegalStateException(query + ": the restricted viewer is not answered as the admin is");
        }
        Interleaved.Pair pair = Interleaved.time(
                () -> hubql.runRestricted(query, variables),
                () -> hubql.run(query, variables),
                warmupSeconds,
                measureSeconds);
        Interleaved.Series restricted = pair.first();
        Interleaved.Series admin = pair.second();
        ObjectNode result = MAPPER.createObjectNode();
        result.put("iterations", restricted.runs());
        put(result, "restricted", "admin", pair);
        result.put("restrictedStatements", restrictedStatements);
        result.put("adminStatements", adminStatements);
        result.put("identicalJson", true);
        System.out.printf(
                "%-7d %-28s restricted %9.1f us (p99 %9.1f)  admin %9.1f us (p99 %9.1f)  ratio %5.2f  cpu-ratio %5.2f  alloc %8.1f/%8.1f KB  stmts %d/%d  n=%d%n",
                size,
                query.label(),
                restricted.medianUs(),
                restricted.p99Us(),
                admin.medianUs(),
                admin.p99Us(),
                pair.ratio(),
                pair.cpuRatio(),
                restricted.allocatedKbPerRun(),
                admin.allocatedKbPerRun(),
                restrictedStatements,
                adminStatements,
                restricted.runs());
        return result;
    }

    /** An interleaved pair as {@code <first>MedianUs}, {@code <first>P99Us}, … for each side, and its ratios. */
    static void put(ObjectNode result, String first, String second, Interleaved.Pair pair) {
        put(result, first, pair.first());
        put(result, second, pair.second());
        result.put("ratio", pair.ratio());
        result.put("cpuRatio", pair.cpuRatio());
    }

    private static void put(ObjectNode result, String side, Interleaved.Series series) {
        result.put(side + "MedianUs", series.medianUs());
        result.put(side + "P99Us", series.p99Us());
        result.put(side + "CpuMedianUs", series.cpuMedianUs());
        result.put(side + "AllocKb", series.allocatedKbPerRun());
    }

    /**
     * hubql's times with no baseline call in between, for the flatness target, which compares hubql with itself:
     * at 100,000 users the baseline's full-table scans between hubql's calls evict hubql's working set from the
     * CPU caches and slow it down for reasons that are not its own. Sorted.
     */
    private static long[] alone(BenchQuery query, Map<String, Object> variables, HubqlRunner hubql, double seconds)
            throws Exception {
        long[] nanos = new long[Interleaved.MAX_ROUNDS];
        int n = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while ((System.nanoTime() < end || n < Interleaved.MIN_ROUNDS) && n < nanos.length) {
            long t0 = System.nanoTime();
            hubql.run(query, variables);
            nanos[n++] = System.nanoTime() - t0;
        }
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        return sorted;
    }

    private static void writeBody(Path file, BenchQuery query, Map<String, Object> variables) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query.text());
        body.put("variables", variables);
        MAPPER.writeValue(file.toFile(), body);
    }

    static BenchQuery.Probe probe(DatabaseLocation hub) throws SQLException {
        String url =
                hub.dialect() == Dialect.SQLITE ? "jdbc:sqlite:" + hub.file().toAbsolutePath() : hub.jdbcUrl();
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            long userId;
            String userName;
            long half;
            try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) / 2 FROM users")) {
                rs.next();
                half = rs.getLong(1);
            }
            try (ResultSet rs =
                    statement.executeQuery("SELECT id, name FROM users ORDER BY id LIMIT 1 OFFSET " + half)) {
                rs.next();
                userId = rs.getLong(1);
                userName = rs.getString(2);
            }
            Instant idleBefore = instant(statement, "SELECT MAX(last_activity) FROM spawners")
                    .minus(Duration.ofDays(3));
            Instant firstExpiry = instant(statement, "SELECT MIN(expires_at) FROM api_tokens");
            Instant lastExpiry = instant(statement, "SELECT MAX(expires_at) FROM api_tokens");
            Instant expiringBefore =
                    firstExpiry.plus(Duration.between(firstExpiry, lastExpiry).dividedBy(2));
            return new BenchQuery.Probe(userId, userName, idleBefore, expiringBefore);
        }
    }

    /** A naive UTC datetime the statement selects, as an instant (the epoch when null: a hub without such rows). */
    private static Instant instant(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            String text = rs.next() ? rs.getString(1) : null;
            return text == null
                    ? Instant.EPOCH
                    : LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        }
    }
}
