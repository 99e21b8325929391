package org.hubql.http;

import java.time.Duration;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Gives every connector of a starting server the idle timeout: a read of a request body or a write of an answer
 * that stalls this long fails and frees its thread, and an idle connection closes.
 *
 * <p>It is set on the connectors, not on Jetty's {@code HttpConfiguration}: with a timeout there, Jetty sets it on
 * the connection when a request starts and puts the connector's back when the request completes, and a request
 * completing just after a stop began put back the connector's 30 s over the stop's 1 s, so a graceful stop waited
 * its whole shutdown timeout for one idle keep-alive connection (seen in CI, and in about 1 of 12 runs of
 * ExecutionLanesTest under load, with a Jetty dump showing that connection idle with {@code to=…/30000}).
 */
final class IdleTimeoutOnConnectors implements LifeCycle.Listener {
    private final Duration idleTimeout;

    IdleTimeoutOnConnectors(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    @Override
    public void lifeCycleStarting(LifeCycle event) {
        if (event instanceof Server server) {
            for (Connector connector : server.getConnectors()) {
                if (connector instanceof AbstractConnector configurable) {
                    configurable.setIdleTimeout(idleTimeout.toMillis());
                }
            }
        }
    }
}
