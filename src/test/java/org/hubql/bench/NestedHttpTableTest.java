package org.hubql.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nested-over-HTTP targets and table are read from what NestedOverHttp wrote, one row per run. */
class NestedHttpTableTest {
    @TempDir
    Path work;

    private static String run(int size, int first, String viewer, double hubqlUs, double baselineUs) {
        return String.format(
                Locale.ROOT,
                "{\"size\":%d,\"first\":%d,\"viewer\":\"%s\",\"iterations\":40,\"hubqlMedianUs\":%.1f,\"hubqlP99Us\":%.1f,"
                        + "\"baselineMedianUs\":%.1f,\"baselineP99Us\":%.1f,\"ratio\":%.4f,\"responseBytes\":123456,"
                        + "\"baselineStatements\":3,\"javaNetHttpMedianUs\":%.1f,\"blockingMedianUs\":%.1f}",
                size,
                first,
                viewer,
                hubqlUs,
                hubqlUs * 2,
                baselineUs,
                baselineUs * 2,
                hubqlUs / baselineUs,
                hubqlUs * 1.25,
                hubqlUs * 1.05);
    }

    @Test
    void each_run_is_a_target_that_holds_at_most_at_the_limit() throws Exception {
        Files.writeString(
                work.resolve("nested-http-2000.json"),
                "{\"size\":2000,\"runs\":[" + run(2000, 2000, "admin", 26_000, 20_000) + ","
                        + run(2000, 500, "restricted", 6_000, 4_000) + "]}");
        Files.writeString(
                work.resolve("nested-http-100000.json"),
                "{\"size\":100000,\"runs\":[" + run(100_000, 1000, "admin", 9_000, 10_000) + "]}");

        assertThat(NestedHttpTable.read(work).targets())
                .containsExactly(
                        new Target(
                                "nested 500 users of a 2,000-user hub over HTTP, restricted: hubql / baseline ≤ 1.3",
                                "6.00 ms / 4.00 ms = 1.50",
                                false),
                        new Target(
                                "nested 2,000 users of a 2,000-user hub over HTTP, admin: hubql / baseline ≤ 1.3",
                                "26.00 ms / 20.00 ms = 1.30",
                                true),
                        new Target(
                                "nested 1,000 users of a 100,000-user hub over HTTP, admin: hubql / baseline ≤ 1.3",
                                "9.00 ms / 10.00 ms = 0.90",
                                true));
    }

    @Test
    void the_table_lists_every_run_and_nothing_is_rendered_without_runs() throws Exception {
        Files.writeString(
                work.resolve("nested-http-2000.json"),
                "{\"size\":2000,\"runs\":[" + run(2000, 500, "admin", 6_000, 4_000) + "]}");
        StringBuilder out = new StringBuilder();
        NestedHttpTable.read(work).render(out, "### ");

        assertThat(out.toString())
                .startsWith("### Nested query over HTTP")
                .contains(
                        "| 2,000 | 500 | admin | 6.00 ms | 12.00 ms | 4.00 ms | 8.00 ms | 1.50 | 123,456 B | 3 | 40 | 7.50 ms | 6.30 ms |");

        StringBuilder empty = new StringBuilder();
        NestedHttpTable.read(Files.createDirectory(work.resolve("no-runs"))).render(empty, "## ");
        assertThat(empty).isEmpty();
    }
}
