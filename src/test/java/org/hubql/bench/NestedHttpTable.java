package org.hubql.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The nested query over HTTP against the baseline in process, as {@link NestedOverHttp} measured it into
 * {@code nested-http-<size>.json}: its targets and its table.
 */
final class NestedHttpTable {
    /** Issue 14: the nested query over HTTP at most 1.3 × the hand-written baseline's time in process. */
    static final double LIMIT = 1.3;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<JsonNode> runs;

    NestedHttpTable(List<JsonNode> runs) {
        this.runs = runs;
    }

    static NestedHttpTable read(Path work) throws IOException {
        List<JsonNode> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(work)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("nested-http-\\d+\\.json"))
                    .toList()) {
                MAPPER.readTree(file.toFile()).get("runs").forEach(runs::add);
            }
        }
        runs.sort(Comparator.comparingInt((JsonNode r) -> r.get("size").asInt())
                .thenComparingInt(r -> r.get("first").asInt()));
        return new NestedHttpTable(runs);
    }

    /** One target per hub, page size and viewer, in the order of the table. */
    List<Target> targets() {
        return runs.stream()
                .map(r -> new Target(
                        String.format(
                                Locale.ROOT,
                                "nested %,d users of a %,d-user hub over HTTP, %s: hubql / baseline ≤ %.1f",
                                r.get("first").asInt(),
                                r.get("size").asInt(),
                                r.get("viewer").asText(),
                                LIMIT),
                        String.format(
                                Locale.ROOT,
                                "%s / %s = %.2f",
                                BenchReport.us(r.get("hubqlMedianUs")),
                                BenchReport.us(r.get("baselineMedianUs")),
                                r.get("ratio").asDouble()),
                        r.get("ratio").asDouble() <= LIMIT))
                .toList();
    }

    /** Appends the section under a heading of level {@code part}; nothing when the run measured none. */
    void render(StringBuilder out, String part) {
        if (runs.isEmpty()) {
            return;
        }
        out.append(part).append("Nested query over HTTP: hubql against the baseline in process\n\n");
        out.append("`NestedOverHttp` posts `").append(BenchQuery.NESTED.text()).append("`\n");
        out.append(
                "to `hubql serve` (`--max-page-size 2000`) from one blocking HTTP/1.1 keep-alive client (a socket read on the\n");
        out.append(
                "calling thread, as curl or Python's clients do) that reads the whole answer, and calls the hand-written baseline\n");
        out.append(
                "in process on the same hub, alternately, one call each, after a warm-up that alternates them too: the socket,\n");
        out.append(
                "HTTP and authentication are hubql's cost to carry. As the demo admin, and as the restricted viewer: a token\n");
        out.append("of `alice` holding `")
                .append(String.join("`, `", BenchViewers.RESTRICTED_SCOPES))
                .append("`\n");
        out.append(
                "unfiltered, which the benchmark writes into its own demo hub (the server must refuse it `read:hub`). Every\n");
        out.append(
                "answer equals the baseline's JSON (checked before timing). Client, server and baseline share the 2 cores.\n");
        out.append(
                "After each row, the same request is timed through `java.net.http` and through the blocking client, alternately\n");
        out.append(
                "(3 s + 5 s): the last two columns, what `java.net.http`'s hand-offs between its threads add to each answer.\n\n");
        out.append(
                "| hub users | first | viewer | hubql median | hubql p99 | baseline median | baseline p99 | hubql / baseline | response | baseline statements | runs | hubql through java.net.http | through the blocking client |\n");
        out.append("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (JsonNode r : runs) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %,d | %,d | %s | %s | %s | %s | %s | %.2f | %,d B | %d | %,d | %s | %s |%n",
                    r.get("size").asInt(),
                    r.get("first").asInt(),
                    r.get("viewer").asText(),
                    BenchReport.us(r.get("hubqlMedianUs")),
                    BenchReport.us(r.get("hubqlP99Us")),
                    BenchReport.us(r.get("baselineMedianUs")),
                    BenchReport.us(r.get("baselineP99Us")),
                    r.get("ratio").asDouble(),
                    r.get("responseBytes").asInt(),
                    r.get("baselineStatements").asInt(),
                    r.get("iterations").asInt(),
                    BenchReport.us(r.get("javaNetHttpMedianUs")),
                    BenchReport.us(r.get("blockingMedianUs"))));
        }
        out.append('\n');
    }
}
