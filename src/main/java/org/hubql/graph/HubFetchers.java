package org.hubql.graph;

import graphql.schema.DataFetcher;
import java.time.Instant;

/** The fields of {@code Hub} that take arguments. */
final class HubFetchers {
    private HubFetchers() {
        // non-constructable
    }

    static DataFetcher<?> activeUsers() {
        return env -> {
            HubView hub = env.getSource();
            ActivityPeriod period = ActivityPeriod.valueOf(env.getArgument("period"));
            return hub.activeUsersSince(period.start(hub.now()));
        };
    }

    static DataFetcher<?> activeUsersSince() {
        return env -> env.<HubView>getSource().activeUsersSince(env.<Instant>getArgument("since"));
    }
}
