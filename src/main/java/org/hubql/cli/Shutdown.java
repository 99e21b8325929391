package org.hubql.cli;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import org.hubql.App;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a serving hubql when the system asks it to (SIGTERM from systemd, Kubernetes or JupyterHub; SIGINT from a
 * terminal): the app stops accepting, lets requests in flight finish within its shutdown timeout, closes the pool,
 * and the process exits 0, as an orderly stop should. Any other end of the JVM still closes the app on the way out.
 *
 * <p>The JDK's only way to answer a signal is {@code sun.misc.Signal} (module {@code jdk.unsupported}). It is reached
 * by reflection because naming it in source gives a javac warning that no option silences, which would rule out
 * {@code -Werror}. A shutdown hook alone could not do the job: the JVM exits 143 after SIGTERM unless a hook halts
 * it, and halting cuts short the other hooks (JaCoCo's, a JFR dump on exit) and overrides every exit status. Should
 * the class ever be gone, hubql logs it and still closes cleanly through the hook, exiting with the JVM's status.
 */
final class Shutdown {
    private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);

    private Shutdown() {
        // non-constructable
    }

    static void onSignals(App app) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAndDrain(app), "hubql-shutdown"));
        for (String signal : List.of("TERM", "INT")) {
            onSignal(
                    signal,
                    () -> new Thread(
                                    () -> {
                                        LOG.info("SIG{}: stopping; requests in flight may finish", signal);
                                        closeAndDrain(app);
                                        System.exit(0);
                                    },
                                    "hubql-stop")
                            .start());
        }
    }

    /** Closes the app, then writes out the log lines still queued: the last ones say how it stopped. */
    private static void closeAndDrain(App app) {
        app.close();
        LogQueue.drain();
    }

    /** {@code sun.misc.Signal.handle(new Signal(name), signal -> action.run())}, by reflection. */
    private static void onSignal(String name, Runnable action) {
        try {
            Class<?> signalType = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Object handler = Proxy.newProxyInstance(
                    Shutdown.class.getClassLoader(),
                    new Class<?>[] {handlerType},
                    (proxy, method, arguments) -> handlerCall(proxy, method, arguments, action));
            Method handle = signalType.getMethod("handle", signalType, handlerType);
            handle.invoke(null, signalType.getConstructor(String.class).newInstance(name), handler);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("cannot handle SIG{} ({}); a stop by signal exits with the JVM's own status", name, e.toString());
        }
    }

    /** The proxy's answer: {@code handle(Signal)} runs the action; Object's methods behave as identity. */
    private static Object handlerCall(Object proxy, Method method, Object[] arguments, Runnable action) {
        return switch (method.getName()) {
            case "handle" -> {
                action.run();
                yield null;
            }
            case "equals" -> proxy == arguments[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "hubql signal handler";
        };
    }
}
