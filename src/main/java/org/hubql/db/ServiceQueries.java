package org.hubql.db;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.hubql.model.Service;

/** All SQL on {@code services}. */
public final class ServiceQueries {
    private final String select;
    private final KeyedQuery<Long, Service> byId;
    private final KeyedQuery<String, Service> byName;
    private final KeyedQuery<Long, Service> byServerId;

    public ServiceQueries(HubSchema schema) {
        this.select = "SELECT " + schema.select("c", "services", "id", "name", "admin", "pid", "url", "_server_id")
                + " FROM services c";
        this.byId = new KeyedQuery<>(select, "c.id", "", row -> row.id("id"), ServiceQueries::map);
        this.byName = new KeyedQuery<>(select, "c.name", "", row -> row.text("name"), ServiceQueries::map);
        this.byServerId =
                new KeyedQuery<>(select, "c._server_id", "", row -> row.id("_server_id"), ServiceQueries::map);
    }

    static Service map(Row row) throws SQLException {
        return new Service(
                row.id("id"),
                row.text("name"),
                row.flag("admin"),
                row.intOrNull("pid"),
                row.text("url"),
                row.longOrNull("_server_id"));
    }

    public List<Service> all(Sql sql) {
        return sql.list(select + " ORDER BY c.name", List.of(), ServiceQueries::map);
    }

    public Map<Long, Service> byIds(Sql sql, Collection<Long> ids) {
        return byId.unique(sql, ids);
    }

    public Map<String, Service> byNames(Sql sql, Collection<String> names) {
        return byName.unique(sql, names);
    }

    public Map<Long, Service> byServerIds(Sql sql, Collection<Long> serverIds) {
        return byServerId.unique(sql, serverIds);
    }
}
