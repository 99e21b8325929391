package org.hubql.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pairing the benchmark's ratios rest on: one call of each side per round, and medians compared. */
class InterleavedTest {

    @Test
    void the_two_calls_alternate_first_side_first_with_nothing_in_between() throws Exception {
        List<String> calls = new ArrayList<>();
        Interleaved.Pair pair = Interleaved.time(() -> calls.add("first"), () -> calls.add("second"), 0, 0);

        assertThat(pair.first().runs()).isEqualTo(pair.second().runs()).isGreaterThanOrEqualTo(Interleaved.MIN_ROUNDS);
        List<String> rounds = new ArrayList<>();
        for (int i = 0; i < pair.first().runs(); i++) {
            rounds.addAll(List.of("first", "second"));
        }
        assertThat(calls).isEqualTo(rounds);
    }

    @Test
    void a_short_measuring_time_still_takes_the_minimum_of_rounds() throws Exception {
        Interleaved.Pair pair = Interleaved.time(() -> {}, () -> {}, 0, 0);

        assertThat(pair.first().runs()).isEqualTo(Interleaved.MIN_ROUNDS);
    }

    @Test
    void each_side_is_timed_by_its_own_calls() throws Exception {
        Interleaved.Pair pair = Interleaved.time(() -> Thread.sleep(4), () -> {}, 0, 0);

        assertThat(pair.first().medianUs()).isGreaterThanOrEqualTo(4_000);
        assertThat(pair.second().medianUs()).isLessThan(4_000);
        assertThat(pair.first().nanos()).isSorted();
    }

    @Test
    void the_ratio_compares_medians_not_means() {
        long[] slow = {100, 200, 300, 400, 100_000};
        long[] fast = {50, 100, 150, 200, 250};
        Interleaved.Pair pair =
                new Interleaved.Pair(new Interleaved.Series(slow, slow, 0), new Interleaved.Series(fast, fast, 0));

        assertThat(pair.ratio()).isEqualTo(2.0);
        assertThat(pair.cpuRatio()).isEqualTo(2.0);
    }

    @Test
    void percentiles_are_nearest_rank() {
        long[] sorted = new long[100];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i + 1;
        }

        assertThat(Interleaved.percentile(sorted, 0.50)).isEqualTo(50);
        assertThat(Interleaved.percentile(sorted, 0.99)).isEqualTo(99);
        assertThat(Interleaved.percentile(new long[] {7}, 0.99)).isEqualTo(7);
    }
}
