package org.hubql.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The peer column of a PostgreSQL run: hubql and PostGraphile over the same hub, each query measured alternately
 * (hubql, PostGraphile, hubql, …) by {@code bench/run} into {@code peer.jsonl}, with the request bodies and the
 * command that started PostGraphile beside it.
 */
final class PeerTable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String HUBQL = "hubql";
    private static final String PEER = "postgraphile";
    private static final int PEER_CONNECTIONS = 16;
    /** Issue 14: light queries at 1.5 × PostGraphile's requests per second, at a lower median latency. */
    private static final double LIGHT_TARGET = 1.5;
    /** The queries {@code bench/run} measures on both servers, in its order: the nested one, then the light ones. */
    private static final List<String> QUERIES = List.of("nested", "user_by_name", "node", "viewer");

    private final Path work;
    private final List<JsonNode> runs;
    private final String command;

    private PeerTable(Path work, List<JsonNode> runs, String command) {
        this.work = work;
        this.runs = runs;
        this.command = command;
    }

    static PeerTable read(Path work) throws IOException {
        List<JsonNode> runs = new ArrayList<>();
        Path file = work.resolve("peer.jsonl");
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    runs.add(MAPPER.readTree(line));
                }
            }
        }
        Path command = work.resolve("peer-command.txt");
        return new PeerTable(
                work, runs, Files.exists(command) ? Files.readString(command).strip() : "");
    }

    /** Appends the peer's part to {@code out}; nothing when the run measured no peer (MariaDB). */
    void render(StringBuilder out) throws IOException {
        if (runs.isEmpty()) {
            return;
        }
        TreeSet<Integer> sizes = sizes();
        int anySize = sizes.first();
        out.append("### Peer: PostGraphile on the same PostgreSQL hub\n\n");
        out.append(
                "PostGraphile 4 (versions above) runs on a copy of the same hub (`CREATE DATABASE … TEMPLATE`) to which\n");
        out.append(
                "`bench/peer-foreign-keys.sql` adds the foreign keys it derives nested relations from, and indexes on them\n");
        out.append(
                "(which help only the peer). Both servers are up at once; for each query both are warmed under the same\n");
        out.append(
                "load, then `wrk -t2 -c16` runs alternate hubql, PostGraphile, hubql, PostGraphile, so that drift and\n");
        out.append(
                "noise fall on both. hubql is called with the demo admin's token; PostGraphile has no authentication.\n\n");
        out.append(
                "PostGraphile has no `viewer`: its equivalent is the token owner's user by name (`userByName(name: \"admin\")`).\n");
        out.append(
                "`node`'s ids are each server's own: hubql's `User:<id>` and PostGraphile's `nodeId` of the same user.\n\n");
        out.append("```\n").append(command).append('\n');
        for (String query : QUERIES) {
            for (String server : List.of(HUBQL, PEER)) {
                out.append(query)
                        .append(", ")
                        .append(server)
                        .append(": ")
                        .append(queryText(server, query, anySize))
                        .append('\n');
            }
        }
        out.append("```\n\n");
        out.append(
                "| users | query | hubql req/s | PostGraphile req/s | hubql / PostGraphile | hubql p50 | PostGraphile p50 |\n");
        out.append("|---:|---|---:|---:|---:|---:|---:|\n");
        for (int size : sizes) {
            for (String query : QUERIES) {
                double ours = meanRate(size, query, HUBQL);
                double theirs = meanRate(size, query, PEER);
                if (ours == 0 || theirs == 0) {
                    continue;
                }
                out.append(String.format(
                        Locale.ROOT,
                        "| %,d | %s | %,.0f | %,.0f | %.2f | %s | %s |%n",
                        size,
                        query,
                        ours,
                        theirs,
                        ours / theirs,
                        ms(medianP50(size, query, HUBQL)),
                        ms(medianP50(size, query, PEER))));
            }
        }
        out.append(
                "\nEvery run, in the order it ran (req/s averaged above over the rounds; p50 the median of the rounds):\n\n");
        out.append("| users | query | round | server | req/s | p50 | p99 | errors | load (1 min) |\n");
        out.append("|---:|---|---:|---|---:|---:|---:|---:|---:|\n");
        for (JsonNode r : runs) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %,d | %s | %d | %s | %,.0f | %s | %s | %d | %.2f |%n",
                    r.get("size").asInt(),
                    r.get("query").asText(),
                    r.get("round").asInt(),
                    r.get("server").asText(),
                    rate(r),
                    ms(r.get("p50Us").asDouble()),
                    ms(r.get("p99Us").asDouble()),
                    errors(r),
                    r.get("load1").asDouble()));
        }
        out.append('\n');
    }

    /** For each hub and light query: hubql at least {@value #LIGHT_TARGET} × PostGraphile's req/s, at a lower p50. */
    List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        for (int size : sizes()) {
            for (String query : QUERIES.subList(1, QUERIES.size())) {
                double ours = meanRate(size, query, HUBQL);
                double theirs = meanRate(size, query, PEER);
                if (ours == 0 || theirs == 0) {
                    continue;
                }
                double oursP50 = medianP50(size, query, HUBQL);
                double theirsP50 = medianP50(size, query, PEER);
                targets.add(new Target(
                        String.format(
                                Locale.ROOT,
                                "%s at %d connections, %,d-user hub: hubql ≥ %.1f × PostGraphile's req/s, lower p50",
                                query,
                                PEER_CONNECTIONS,
                                size,
                                LIGHT_TARGET),
                        String.format(
                                Locale.ROOT,
                                "%,.0f / %,.0f req/s = %.2f ×; p50 %s vs %s",
                                ours,
                                theirs,
                                ours / theirs,
                                ms(oursP50),
                                ms(theirsP50)),
                        ours / theirs >= LIGHT_TARGET && oursP50 < theirsP50));
            }
        }
        return targets;
    }

    private TreeSet<Integer> sizes() {
        TreeSet<Integer> sizes = new TreeSet<>();
        runs.forEach(r -> sizes.add(r.get("size").asInt()));
        return sizes;
    }

    private String queryText(String server, String query, int size) throws IOException {
        Path body = work.resolve("peer-" + server + "-" + query + "-" + size + ".json");
        return Files.exists(body) ? MAPPER.readTree(body.toFile()).get("query").asText() : "(no body file)";
    }

    private List<JsonNode> of(int size, String query, String server) {
        return runs.stream()
                .filter(r -> r.get("size").asInt() == size
                        && r.get("query").asText().equals(query)
                        && r.get("server").asText().equals(server))
                .toList();
    }

    private double meanRate(int size, String query, String server) {
        return of(size, query, server).stream()
                .mapToDouble(PeerTable::rate)
                .average()
                .orElse(0);
    }

    private double medianP50(int size, String query, String server) {
        double[] sorted = of(size, query, server).stream()
                .mapToDouble(r -> r.get("p50Us").asDouble())
                .sorted()
                .toArray();
        return Optional.of(sorted.length)
                .filter(n -> n > 0)
                .map(n -> n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2)
                .orElse(0.0);
    }

    private static double rate(JsonNode r) {
        return r.get("requests").asDouble() / (r.get("durationUs").asDouble() / 1e6);
    }

    private static long errors(JsonNode r) {
        return r.get("connectErrors").asLong()
                + r.get("readErrors").asLong()
                + r.get("writeErrors").asLong()
                + r.get("non2xx").asLong()
                + r.get("timeouts").asLong();
    }

    private static String ms(double micros) {
        return String.format(Locale.ROOT, "%.2f ms", micros / 1000);
    }
}
