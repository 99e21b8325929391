package org.hubql.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hubql.db.Database;
import org.hubql.db.DatabaseOpenException;
import org.hubql.db.SqlTrace;
import org.hubql.graph.GraphOptions;
import org.hubql.graph.GraphRequest;
import org.hubql.graph.HubGraph;
import org.hubql.graph.PageSize;
import org.hubql.http.ResponseJson;
import org.hubql.scopes.Viewer;
import org.hubql.testkit.TestViewers;

/** hubql in process: the graph layer plus the JSON writing the HTTP handler does, without the socket. */
final class HubqlRunner implements AutoCloseable {
    /** The demo hub's user 1, {@code admin}, as the HTTP runs authenticate: through visibility checks that pass. */
    private static final Viewer DEMO_ADMIN = TestViewers.admin(1);
    private final ResponseJson json = new ResponseJson(new ObjectMapper());
    private final Database database;
    private final HubGraph graph;
    private int lastStatements;

    HubqlRunner(Path hub) throws DatabaseOpenException {
        database = Database.openSqlite(hub, 4);
        graph = new HubGraph(database, new GraphOptions(new PageSize(100, 1000), Duration.ofSeconds(30)));
    }

    byte[] run(BenchQuery query, Map<String, Object> variables) throws Exception {
        SqlTrace trace = new SqlTrace(false);
        ExecutionResult result = graph.execute(new GraphRequest(query.text(), null, variables), trace, DEMO_ADMIN);
        if (!result.getErrors().isEmpty()) {
            throw new IllegalStateException(query + " failed: " + result.getErrors());
        }
        lastStatements = trace.count();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", result.getData());
        return json.write(body);
    }

    int lastStatements() {
        return lastStatements;
    }

    @Override
    public void close() {
        database.close();
    }
}
