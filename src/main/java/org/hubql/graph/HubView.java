package org.hubql.graph;

import java.util.function.Supplier;
import org.hubql.model.HubStats;

/**
 * The {@code Hub} type: schema facts, and the row counts, read in one statement the first time a query reads one
 * of them (a viewer without {@code read:hub} never does).
 */
public final class HubView {
    private final String schemaRevision;
    private final String jupyterhubVersion;
    private final String engine;
    private final Supplier<HubStats> counts;
    private HubStats stats;

    HubView(String schemaRevision, String jupyterhubVersion, String engine, Supplier<HubStats> counts) {
        this.schemaRevision = schemaRevision;
        this.jupyterhubVersion = jupyterhubVersion;
        this.engine = engine;
        this.counts = counts;
    }

    public String schemaRevision() {
        return schemaRevision;
    }

    public String jupyterhubVersion() {
        return jupyterhubVersion;
    }

    public String engine() {
        return engine;
    }

    public Integer userCount() {
        return stats().users();
    }

    public Integer adminCount() {
        return stats().admins();
    }

    public Integer groupCount() {
        return stats().groups();
    }

    public Integer serviceCount() {
        return stats().services();
    }

    public Integer activeServerCount() {
        return stats().activeServers();
    }

    public Integer apiTokenCount() {
        return stats().apiTokens();
    }

    /** One request's fetchers run on one thread at a time, so the counts are read once without locking. */
    private HubStats stats() {
        if (stats == null) {
            stats = counts.get();
        }
        return stats;
    }
}
