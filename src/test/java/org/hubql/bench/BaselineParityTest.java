package org.hubql.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.hubql.db.DatabaseLocation;
import org.hubql.demo.DemoHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The benchmark compares like with like: the hand-written baseline answers every query exactly as hubql does, and
 * the restricted viewer gets exactly the admin's answer, so its series times checks that pass, not refusals.
 */
class BaselineParityTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path directory;

    static HubqlRunner hubql;
    static Baseline baseline;
    static BenchQuery.Probe probe;

    @BeforeAll
    static void openHub() throws Exception {
        Path hub =
                DemoHub.write(directory.resolve("hub.sqlite"), 200, 11, "5.5.1").file();
        hubql = new HubqlRunner(DatabaseLocation.sqlite(hub));
        baseline = new Baseline(DatabaseLocation.sqlite(hub));
        probe = InProcessBench.probe(DatabaseLocation.sqlite(hub));
    }

    @AfterAll
    static void closeHub() throws Exception {
        hubql.close();
        baseline.close();
    }

    @ParameterizedTest
    @EnumSource(BenchQuery.class)
    void hubql_and_the_baseline_produce_the_same_json(BenchQuery query) throws Exception {
        Map<String, Object> variables = query.variables(probe);
        JsonNode ours = MAPPER.readTree(hubql.run(query, variables));
        JsonNode theirs = MAPPER.readTree(baseline.run(query, variables));
        assertThat(ours).isEqualTo(theirs);
        assertThat(ours.get("data").toString()).hasSizeGreaterThan(30).doesNotContain("\"errors\"");
    }

    @ParameterizedTest
    @EnumSource(BenchQuery.class)
    void the_restricted_viewer_is_answered_byte_for_byte_as_the_admin_is(BenchQuery query) throws Exception {
        Map<String, Object> variables = query.variables(probe);
        byte[] asAdmin = hubql.run(query, variables);
        byte[] asRestricted = hubql.runRestricted(query, variables);
        assertThat(new String(asRestricted, StandardCharsets.UTF_8))
                .isEqualTo(new String(asAdmin, StandardCharsets.UTF_8));
    }
}
