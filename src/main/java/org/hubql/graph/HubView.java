package org.hubql.graph;

import org.hubql.model.HubStats;

/** The {@code Hub} type: schema facts, and the row counts when the query asked for any. */
public record HubView(String schemaRevision, String jupyterhubVersion, String engine, HubStats stats) {

    public int userCount() {
        return stats.users();
    }

    public int adminCount() {
        return stats.admins();
    }

    public int groupCount() {
        return stats.groups();
    }

    public int serviceCount() {
        return stats.services();
    }

    public int activeServerCount() {
        return stats.activeServers();
    }

    public int apiTokenCount() {
        return stats.apiTokens();
    }
}
