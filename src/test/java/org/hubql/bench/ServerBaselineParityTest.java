package org.hubql.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.hubql.demo.DemoServerHub;
import org.hubql.demo.ServerDdl;
import org.hubql.testkit.ServerDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link BaselineParityTest} on PostgreSQL and MariaDB, as {@code bench/run --engine} measures them: the demo hub
 * written by {@code demo-db} onto the server, then hubql and the hand-written baseline over the same database.
 */
@Tag("slow")
class ServerBaselineParityTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<ServerDdl.Engine, Opened> OPENED = new EnumMap<>(ServerDdl.Engine.class);

    /** One engine's demo hub with hubql and the baseline over it, opened by the first test that needs it. */
    private record Opened(ServerDatabase database, HubqlRunner hubql, Baseline baseline, BenchQuery.Probe probe) {}

    static Stream<Arguments> engineAndQuery() {
        return Stream.of(ServerDdl.Engine.values())
                .flatMap(engine -> Stream.of(BenchQuery.values()).map(query -> Arguments.of(engine, query)));
    }

    private static synchronized Opened hub(ServerDdl.Engine engine) throws Exception {
        Opened opened = OPENED.get(engine);
        if (opened == null) {
            ServerDatabase database = ServerDatabase.create(engine);
            DemoServerHub.write(database.jdbcUrl(), null, null, 200, 11, "5.5.1");
            opened = new Opened(
                    database,
                    new HubqlRunner(database.location()),
                    new Baseline(database.location()),
                    InProcessBench.probe(database.location()));
            OPENED.put(engine, opened);
        }
        return opened;
    }

    @AfterAll
    static void dropHubs() throws Exception {
        for (Opened opened : OPENED.values()) {
            opened.hubql().close();
            opened.baseline().close();
            opened.database().close();
        }
        OPENED.clear();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("engineAndQuery")
    void hubql_and_the_baseline_produce_the_same_json(ServerDdl.Engine engine, BenchQuery query) throws Exception {
        Opened hub = hub(engine);
        Map<String, Object> variables = query.variables(hub.probe());
        JsonNode ours = MAPPER.readTree(hub.hubql().run(query, variables));
        JsonNode theirs = MAPPER.readTree(hub.baseline().run(query, variables));
        assertThat(ours).isEqualTo(theirs);
        assertThat(ours.get("data").toString()).hasSizeGreaterThan(30).doesNotContain("\"errors\"");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("engineAndQuery")
    void the_restricted_viewer_is_answered_byte_for_byte_as_the_admin_is(ServerDdl.Engine engine, BenchQuery query)
            throws Exception {
        Opened hub = hub(engine);
        Map<String, Object> variables = query.variables(hub.probe());
        assertThat(new String(hub.hubql().runRestricted(query, variables), StandardCharsets.UTF_8))
                .isEqualTo(new String(hub.hubql().run(query, variables), StandardCharsets.UTF_8));
    }
}
