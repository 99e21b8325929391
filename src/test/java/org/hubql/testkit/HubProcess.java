package org.hubql.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A {@code jupyterhub} process leading a process group of its own, so that one signal reaches the hub and the
 * servers it spawns. Stopped on {@link #stop()}, or when the JVM exits.
 */
final class HubProcess {
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Process process;
    private final Thread stopOnExit = new Thread(this::stopTree, "stop-jupyterhub");

    private HubProcess(Process process) {
        this.process = process;
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Runs {@code setsid jupyterhub -f <configFile>} in {@code directory}, logging to {@code log}. The Java child is
     * no group leader, so {@code setsid} execs in place: the pid is the group id.
     */
    static HubProcess launch(Path directory, Path configFile, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("setsid", "jupyterhub", "-f", configFile.toString())
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Debian's configurable-http-proxy finds its modules ("commander") only there under a NodeSource node.
        builder.environment().put("NODE_PATH", "/usr/share/nodejs");
        return new HubProcess(builder.start());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The hub and every process below it right now (proxy, servers). */
    List<ProcessHandle> tree() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .toList();
    }

    /** Stops the hub, its proxy and its servers; returns once all of them have exited. */
    void stop() {
        stopTree();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run
        }
    }

    /**
     * TERM to the group, KILL after a grace period. The hub starts configurable-http-proxy in a session of its
     * own, out of reach of the group signal: the hub stops it on TERM, and whatever of its tree outlives the hub is
     * killed one by one.
     */
    private void stopTree() {
        List<ProcessHandle> descendants = process.descendants().toList();
        signalGroup("TERM");
        if (!awaitExit(process.toHandle())) {
            signalGroup("KILL");
            awaitExit(process.toHandle());
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        descendants.forEach(HubProcess::awaitExit);
    }

    private void signalGroup(String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, "--", "-" + process.pid())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitExit(ProcessHandle handle) {
        try {
            handle.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
