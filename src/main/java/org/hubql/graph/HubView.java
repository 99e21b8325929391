package org.hubql.graph;

import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hubql.model.HubStats;

/**
 * The {@code Hub} type: schema facts, and the row counts, read in one statement the first time a query reads one
 * of them (a viewer without {@code read:hub} never does); and active users, counted back from one "now" fixed when
 * the request reads {@code hub}, so that the day, week and month of one answer are nested as JupyterHub's
 * {@code jupyterhub_active_users} metric keeps them.
 */
public final class HubView {
    private final String schemaRevision;
    private final String jupyterhubVersion;
    private final String engine;
    private final Supplier<HubStats> counts;
    private final Instant now;
    private final Function<Instant, Integer> activeSince;
    private HubStats stats;

    HubView(
            String schemaRevision,
            String jupyterhubVersion,
            String engine,
            Supplier<HubStats> counts,
            Instant now,
            Function<Instant, Integer> activeSince) {
        this.schemaRevision = schemaRevision;
        this.jupyterhubVersion = jupyterhubVersion;
        this.engine = engine;
        this.counts = counts;
        this.now = now;
        this.activeSince = activeSince;
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

    /** The request's "now", which {@code activeUsers(period)} counts back from. */
    Instant now() {
        return now;
    }

    /** Users whose {@code last_activity} is at or after {@code since}, as JupyterHub's metric counts them. */
    Integer activeUsersSince(Instant since) {
        return activeSince.apply(since);
    }

    /** One request's fetchers run on one thread at a time, so the counts are read once without locking. */
    private HubStats stats() {
        if (stats == null) {
            stats = counts.get();
        }
        return stats;
    }
}
