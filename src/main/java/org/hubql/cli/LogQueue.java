package org.hubql.cli;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * logback.xml and logback-json.xml queue log lines for one writer thread, which the JVM does not wait for: before
 * the process exits, {@link #drain()} stops logback, which writes out every line still queued.
 */
public final class LogQueue {
    private LogQueue() {
        // non-constructable
    }

    /** Writes out the queued lines and stops logging; later lines are dropped, so call it last. Idempotent. */
    public static void drain() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
    }
}
