package org.hubql.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The light-query targets against PostGraphile: req/s averaged over the rounds, p50 their median. */
class PeerTableTest {
    @TempDir
    Path work;

    private static String run(String query, String server, int round, long requests, double p50Us) {
        return String.format(
                Locale.ROOT,
                "{\"size\":2000,\"query\":\"%s\",\"server\":\"%s\",\"round\":%d,\"connections\":16,\"load1\":1.0,"
                        + "\"requests\":%d,\"durationUs\":10000000,\"p50Us\":%.1f,\"p99Us\":9000,"
                        + "\"connectErrors\":0,\"readErrors\":0,\"writeErrors\":0,\"non2xx\":0,\"timeouts\":0}%n",
                query,
                server,
                round,
                requests,
                p50Us);
    }

    @Test
    void a_light_query_holds_at_one_and_a_half_times_the_peer_rate_and_a_lower_median() throws Exception {
        Files.writeString(
                work.resolve("peer.jsonl"),
                run("nested", "hubql", 1, 900, 170_000)
                        + run("nested", "postgraphile", 1, 200, 700_000)
                        + run("user_by_name", "hubql", 1, 40_000, 3_000)
                        + run("user_by_name", "hubql", 2, 20_000, 4_000)
                        + run("user_by_name", "postgraphile", 1, 20_000, 5_000)
                        + run("user_by_name", "postgraphile", 2, 20_000, 5_000)
                        + run("viewer", "hubql", 1, 40_000, 6_000)
                        + run("viewer", "postgraphile", 1, 20_000, 5_000));

        assertThat(PeerTable.read(work).targets())
                .containsExactly(
                        new Target(
                                "user_by_name at 16 connections, 2,000-user hub: hubql ≥ 1.5 × PostGraphile's req/s, lower p50",
                                "3,000 / 2,000 req/s = 1.50 ×; p50 3.50 ms vs 5.00 ms",
                                true),
                        new Target(
                                "viewer at 16 connections, 2,000-user hub: hubql ≥ 1.5 × PostGraphile's req/s, lower p50",
                                "4,000 / 2,000 req/s = 2.00 ×; p50 6.00 ms vs 5.00 ms",
                                false));
    }
}
