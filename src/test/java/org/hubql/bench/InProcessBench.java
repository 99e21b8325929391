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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Times every benchmark query in process, hubql against the {@link Baseline}, on one hub, and writes
 * {@code inprocess-<size>.json} plus the request bodies the HTTP load uses.
 *
 * <p>Usage: {@code InProcessBench HUB SIZE OUT_DIR WARMUP_SECONDS MEASURE_SECONDS}. The two are interleaved call by
 * call, so machine noise hits both alike.
 */
public final class InProcessBench {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    private InProcessBench() {
    }

    public static void main(String[] args) throws Exception {
        Path hub = Path.of(args[0]);
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
        try (HubqlRunner hubql = new HubqlRunner(hub); Baseline baseline = new Baseline(hub)) {
            String only = System.getProperty("bench.only", "");
            for (BenchQuery query : BenchQuery.ALL) {
                if (!only.isEmpty() && !only.equals(query.name())) {
                    continue;
                }
                Map<String, Object> variables = query.variables(probe);
                writeBody(out.resolve("body-" + query.name().toLowerCase() + "-" + size + ".json"), query, variables);
                results.add(measure(size, query, variables, hubql, baseline, warmupSeconds, measureSeconds));
            }
        }
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(out.resolve("inprocess-" + size + ".json").toFile(), report);
    }

    private static ObjectNode measure(int size, BenchQuery query, Map<String, Object> variables, HubqlRunner hubql, Baseline baseline,
                                      double warmupSeconds, double measureSeconds) throws Exception {
        byte[] ours = hubql.run(query, variables);
        int statements = hubql.lastStatements();
        baseline.takeStatements();
        byte[] theirs = baseline.run(query, variables);
        int baselineStatements = baseline.takeStatements();
        boolean same = MAPPER.readTree(ours).equals(MAPPER.readTree(theirs));
        if (!same) {
            throw new IllegalStateException(query + ": hubql and the baseline disagree");
        }
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        while (System.nanoTime() < warmupEnd) {
            hubql.run(query, variables);
            baseline.run(query, variables);
        }
        long[] hubqlNanos = new long[1 << 16];
        long[] baselineNanos = new long[1 << 16];
        long[] hubqlCpu = new long[1 << 16];
        long[] baselineCpu = new long[1 << 16];
        long hubqlAlloc = 0;
        long baselineAlloc = 0;
        int n = 0;
        long measureEnd = System.nanoTime() + (long) (measureSeconds * 1e9);
        int maxStatements = statements;
        while ((System.nanoTime() < measureEnd || n < 20) && n < hubqlNanos.length) {
            long a0 = THREADS.getCurrentThreadAllocatedBytes();
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            hubql.run(query, variables);
            long t1 = System.nanoTime();
            long c1 = THREADS.getCurrentThreadCpuTime();
            long a1 = THREADS.getCurrentThreadAllocatedBytes();
            baseline.run(query, variables);
            long t2 = System.nanoTime();
            long c2 = THREADS.getCurrentThreadCpuTime();
            long a2 = THREADS.getCurrentThreadAllocatedBytes();
            hubqlNanos[n] = t1 - t0;
            baselineNanos[n] = t2 - t1;
            hubqlCpu[n] = c1 - c0;
            baselineCpu[n] = c2 - c1;
            hubqlAlloc += a1 - a0;
            baselineAlloc += a2 - a1;
            maxStatements = Math.max(maxStatements, hubql.lastStatements());
            n++;
        }
        baseline.takeStatements();
        long[] alone = alone(query, variables, hubql, measureSeconds / 2);
        long[] h = Arrays.copyOf(hubqlNanos, n);
        long[] b = Arrays.copyOf(baselineNanos, n);
        Arrays.sort(h);
        Arrays.sort(b);
        long[] hc = Arrays.copyOf(hubqlCpu, n);
        long[] bc = Arrays.copyOf(baselineCpu, n);
        Arrays.sort(hc);
        Arrays.sort(bc);
        ObjectNode result = MAPPER.createObjectNode();
        result.put("query", query.name());
        result.put("label", query.label());
        result.put("iterations", n);
        result.put("hubqlMedianUs", percentile(h, 0.50) / 1e3);
        result.put("hubqlP99Us", percentile(h, 0.99) / 1e3);
        result.put("baselineMedianUs", percentile(b, 0.50) / 1e3);
        result.put("baselineP99Us", percentile(b, 0.99) / 1e3);
        result.put("ratio", (double) percentile(h, 0.50) / percentile(b, 0.50));
        result.put("hubqlAloneMedianUs", percentile(alone, 0.50) / 1e3);
        result.put("hubqlAloneP99Us", percentile(alone, 0.99) / 1e3);
        result.put("aloneIterations", alone.length);
        result.put("hubqlCpuMedianUs", percentile(hc, 0.50) / 1e3);
        result.put("baselineCpuMedianUs", percentile(bc, 0.50) / 1e3);
        result.put("cpuRatio", (double) percentile(hc, 0.50) / Math.max(1, percentile(bc, 0.50)));
        result.put("hubqlAllocKb", hubqlAlloc / 1024.0 / n);
        result.put("baselineAllocKb", baselineAlloc / 1024.0 / n);
        result.put("statements", statements);
        result.put("statementsMax", maxStatements);
        result.put("baselineStatements", baselineStatements);
        result.put("responseBytes", ours.length);
        result.put("identicalJson", same);
        System.out.printf("%-7d %-28s hubql %9.1f us (p99 %9.1f, alone %9.1f)  baseline %9.1f us (p99 %9.1f)  ratio %5.2f  cpu-ratio %5.2f  alloc %8.1f/%8.1f KB  stmts %d/%d  n=%d%n",
                size, query.label(), result.get("hubqlMedianUs").asDouble(), result.get("hubqlP99Us").asDouble(),
                result.get("hubqlAloneMedianUs").asDouble(), result.get("baselineMedianUs").asDouble(), result.get("baselineP99Us").asDouble(),
                result.get("ratio").asDouble(), result.get("cpuRatio").asDouble(), result.get("hubqlAllocKb").asDouble(),
                result.get("baselineAllocKb").asDouble(), statements, baselineStatements, n);
        return result;
    }

    /**
     * hubql's times with no baseline call in between, for the flatness target, which compares hubql with itself:
     * at 100,000 users the baseline's full-table scans between hubql's calls evict hubql's working set from the
     * CPU caches and slow it down for reasons that are not its own. Sorted.
     */
    private static long[] alone(BenchQuery query, Map<String, Object> variables, HubqlRunner hubql, double seconds)
            throws Exception {
        long[] nanos = new long[1 << 16];
        int n = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while ((System.nanoTime() < end || n < 20) && n < nanos.length) {
            long t0 = System.nanoTime();
            hubql.run(query, variables);
            nanos[n++] = System.nanoTime() - t0;
        }
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        return sorted;
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void writeBody(Path file, BenchQuery query, Map<String, Object> variables) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query.text());
        body.put("variables", variables);
        MAPPER.writeValue(file.toFile(), body);
    }

    static BenchQuery.Probe probe(Path hub) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + hub.toAbsolutePath());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT id, name FROM users ORDER BY id LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM users)")) {
            rs.next();
            return new BenchQuery.Probe(rs.getLong(1), rs.getString(2));
        }
    }
}
