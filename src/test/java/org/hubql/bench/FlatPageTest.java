package org.hubql.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.hubql.demo.DemoHub;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flatness measurement times the dashboard on both hubs, alternately, in one JVM, and writes its ratio. */
@Tag("slow")
class FlatPageTest {
    @TempDir
    Path directory;

    @Test
    void both_hubs_are_timed_alternately_and_the_growth_is_their_ratio() throws Exception {
        Path small = DemoHub.write(directory.resolve("small.sqlite"), 40, 11, "5.5.1")
                .file();
        Path large = DemoHub.write(directory.resolve("large.sqlite"), 400, 11, "5.5.1")
                .file();

        FlatPage.main(new String[] {small.toString(), "40", large.toString(), "400", directory.toString(), "0", "0"});

        JsonNode flat = new ObjectMapper()
                .readTree(directory.resolve("flat-dashboard.json").toFile());
        assertThat(flat.get("query").asText()).isEqualTo("DASHBOARD");
        assertThat(flat.get("smallUsers").asInt()).isEqualTo(40);
        assertThat(flat.get("largeUsers").asInt()).isEqualTo(400);
        assertThat(flat.get("iterations").asInt()).isGreaterThanOrEqualTo(Interleaved.MIN_ROUNDS);
        assertThat(flat.get("smallMedianUs").asDouble()).isPositive();
        assertThat(flat.get("growth").asDouble())
                .isCloseTo(
                        flat.get("largeMedianUs").asDouble()
                                / flat.get("smallMedianUs").asDouble(),
                        Offset.offset(1e-9));
    }
}
