package org.hubql.cli;

import org.hubql.App;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Stops a serving hubql when the system asks it to (SIGTERM from systemd, Kubernetes or JupyterHub; SIGINT from a
 * terminal): the app stops accepting, lets requests in flight finish within its shutdown timeout, closes the pool,
 * and the process exits 0, as an orderly stop should. Any other end of the JVM still closes the app on the way out.
 */
final class Shutdown {
    private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);

    private Shutdown() {
        // non-constructable
    }

    static void onSignals(App app) {
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "hubql-shutdown"));
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(
                    new Signal(name),
                    signal -> new Thread(
                                    () -> {
                                        LOG.info("SIG{}: stopping; requests in flight may finish", signal.getName());
                                        app.close();
                                        System.exit(0);
                                    },
                                    "hubql-stop")
                            .start());
        }
    }
}
