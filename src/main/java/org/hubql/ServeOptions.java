package org.hubql;

import org.hubql.auth.AuthOptions;
import org.hubql.db.DatabaseLocation;
import org.hubql.graph.GraphOptions;
import org.hubql.http.HttpOptions;

/** Everything {@code hubql serve} needs, validated by the command line before anything opens. */
public record ServeOptions(
        DatabaseLocation database, String bind, int port, GraphOptions graph, HttpOptions http, AuthOptions auth) {}
