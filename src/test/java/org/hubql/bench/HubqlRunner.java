package org.hubql.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubql.db.Database;
import org.hubql.db.DatabaseLocation;
import org.hubql.db.DatabaseOpenException;
import org.hubql.db.Dialect;
import org.hubql.db.SqlTrace;
import org.hubql.graph.ErrorCodes;
import org.hubql.graph.GraphOptions;
import org.hubql.graph.GraphRequest;
import org.hubql.graph.HubGraph;
import org.hubql.graph.PageSize;
import org.hubql.http.ResponseJson;
import org.hubql.scopes.Viewer;

/** hubql in process: the graph layer plus the JSON writing the HTTP handler does, without the socket. */
final class HubqlRunner implements AutoCloseable {
    /** Needs {@code read:hub}, which {@link BenchViewers#RESTRICTED_SCOPES} leaves out. */
    private static final String REFUSED_TO_RESTRICTED = "{ hub { userCount } }";

    private final ResponseJson json = new ResponseJson(new ObjectMapper());
    private final Database database;
    private final HubGraph graph;
    private final Viewer restricted;
    private int lastStatements;

    HubqlRunner(DatabaseLocation hub) throws DatabaseOpenException {
        database = hub.dialect() == Dialect.SQLITE ? Database.openSqlite(hub.file(), 4) : Database.open(hub);
        graph = new HubGraph(database, new GraphOptions(new PageSize(100, 1000), Duration.ofSeconds(30)));
        restricted = BenchViewers.restricted(database);
        requireChecked(restricted);
    }

    /** The query as the demo hub's admin, as the HTTP runs authenticate: nothing is checked. */
    byte[] run(BenchQuery query, Map<String, Object> variables) throws Exception {
        return run(query, variables, BenchViewers.ADMIN);
    }

    /** The query as {@link BenchViewers#restricted}: every field and object is checked. */
    byte[] runRestricted(BenchQuery query, Map<String, Object> variables) throws Exception {
        return run(query, variables, restricted);
    }

    private byte[] run(BenchQuery query, Map<String, Object> variables, Viewer viewer) throws Exception {
        SqlTrace trace = new SqlTrace(false);
        ExecutionResult result = graph.execute(new GraphRequest(query.text(), null, variables), trace, viewer);
        if (!result.getErrors().isEmpty()) {
            throw new IllegalStateException(query + " failed: " + result.getErrors());
        }
        lastStatements = trace.count();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", result.getData());
        return json.write(body);
    }

    /**
     * Fails unless the viewer's scopes are checked: only a viewer who lacks some declared scope is, and only such
     * a viewer can be refused a field.
     */
    private void requireChecked(Viewer viewer) {
        GraphRequest request = new GraphRequest(REFUSED_TO_RESTRICTED, null, Map.of());
        ExecutionResult result = graph.execute(request, new SqlTrace(false), viewer);
        List<GraphQLError> errors = result.getErrors();
        if (errors.isEmpty()
                || !ErrorCodes.FORBIDDEN.equals(errors.get(0).getExtensions().get("code"))) {
            throw new IllegalStateException("the restricted bench viewer is not restricted: " + viewer.grants());
        }
    }

    int lastStatements() {
        return lastStatements;
    }

    @Override
    public void close() {
        database.close();
    }
}
