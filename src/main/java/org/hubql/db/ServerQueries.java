package org.hubql.db;

import java.util.Collection;
import java.util.Map;
import org.hubql.model.Server;

/** All SQL on {@code servers}. Never selects {@code cookie_name}. */
public final class ServerQueries {
    private final KeyedQuery<Long, Server> byId;

    public ServerQueries(HubSchema schema) {
        String select =
                "SELECT " + schema.select("v", "servers", "id", "proto", "ip", "port", "base_url") + " FROM servers v";
        this.byId = new KeyedQuery<>(
                select,
                "v.id",
                "",
                row -> row.id("id"),
                row -> new Server(
                        row.id("id"), row.text("proto"), row.text("ip"), row.intOrNull("port"), row.text("base_url")));
    }

    public Map<Long, Server> byIds(Sql sql, Collection<Long> ids) {
        return byId.unique(sql, ids);
    }
}
