package org.hubql.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** One {@code wrk} run posting a GraphQL request with {@code bench/post.lua}, started in the background. */
final class Wrk {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final CompletableFuture<JsonNode> summary;

    private Wrk(CompletableFuture<JsonNode> summary) {
        this.summary = summary;
    }

    /** {@code connections} clients posting {@code body} to {@code url} for {@code seconds}. */
    static Wrk start(String url, String token, Path body, int connections, int seconds) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                        "wrk",
                        "-t" + Math.min(2, connections),
                        "-c" + connections,
                        "-d" + seconds + "s",
                        "--timeout",
                        "30s",
                        "-s",
                        "bench/post.lua",
                        url)
                .redirectErrorStream(true);
        builder.environment().put("BODY", body.toString());
        builder.environment().put("TOKEN", token);
        Process process = builder.start();
        return new Wrk(CompletableFuture.supplyAsync(() -> summaryOf(process)));
    }

    private static JsonNode summaryOf(Process process) {
        try {
            String out = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            for (String line : out.split("\n")) {
                if (line.startsWith("WRKJSON ")) {
                    return MAPPER.readTree(line.substring("WRKJSON ".length()));
                }
            }
            throw new IllegalStateException("wrk printed no summary:\n" + out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** wrk's summary: requests, errors of each kind, p50/p99/max in µs. */
    JsonNode await() {
        return summary.join();
    }

    /** Requests that did not get a 2xx answer in time: socket errors, non-2xx statuses, timeouts. */
    static long failures(JsonNode summary) {
        return summary.get("connectErrors").asLong()
                + summary.get("readErrors").asLong()
                + summary.get("writeErrors").asLong()
                + summary.get("non2xx").asLong()
                + summary.get("timeouts").asLong();
    }
}
