package org.hubql.graph;

import org.hubql.model.HubStats;

/** The {@code Hub} type: schema facts, and the row counts when the query asked for any and the viewer may see them. */
public record HubView(String schemaRevision, String jupyterhubVersion, String engine, HubStats stats) {

    public Integer userCount() {
        return stats == null ? null : stats.users();
    }

    public Integer adminCount() {
        return stats == null ? null : stats.admins();
    }

    public Integer groupCount() {
        return stats == null ? null : stats.groups();
    }

    public Integer serviceCount() {
        return stats == null ? null : stats.services();
    }

    public Integer activeServerCount() {
        return stats == null ? null : stats.activeServers();
    }

    public Integer apiTokenCount() {
        return stats == null ? null : stats.apiTokens();
    }
}
