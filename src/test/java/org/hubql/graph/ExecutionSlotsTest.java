package org.hubql.graph;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.hubql.db.Database;
import org.hubql.db.SqlTrace;
import org.hubql.scopes.Viewer;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operations beyond their lane's slots wait in line, within their time limit, and then run. */
class ExecutionSlotsTest {
    private static final GraphRequest USERS =
            new GraphRequest("{ users(first: 5) { nodes { name } } }", null, Map.of());

    @TempDir
    Path directory;

    @Test
    void an_operation_waits_for_a_slot_and_times_out_if_none_frees_in_time() throws Exception {
        try (Database database = Database.openSqlite(TestHub.small(directory), 2)) {
            // long enough for the served query on a busy machine; the refused one waits it out
            HubGraph graph = new HubGraph(database, new GraphOptions(new PageSize(100, 1000), Duration.ofSeconds(3)));
            Semaphore slots = graph.lanes().lightSlots();
            int all = slots.availablePermits();
            assertThat(all).isEqualTo(2 * Runtime.getRuntime().availableProcessors());
            slots.acquire(all);
            SqlTrace waited = new SqlTrace(false);
            ExecutionResult refused = graph.execute(USERS, waited, Viewer.local());
            assertThat(refused.getErrors())
                    .singleElement()
                    .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", ErrorCodes.TIMEOUT));
            assertThat(waited.count()).as("no SQL ran").isZero();

            slots.release(all);
            ExecutionResult served = graph.execute(USERS, new SqlTrace(false), Viewer.local());
            assertThat(served.getErrors()).isEmpty();
            assertThat(slots.availablePermits()).as("every slot is given back").isEqualTo(all);
        }
    }
}
