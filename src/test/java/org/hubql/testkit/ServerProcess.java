package org.hubql.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code hubql serve} in a process of its own, from the test JVM's classpath (the classes the jar is built from),
 * for what only a real process shows: signals, exit codes, its log.
 */
public final class ServerProcess implements AutoCloseable {
    /** The start line, as text or as JSON ({@code --log-format json} escapes each {@code /} as {@code \/}). */
    private static final Pattern STARTED = Pattern.compile("Start completed: http:(?:\\\\?/){2}[^:]+:(\\d+)");

    private final Process process;
    private final List<String> log = new ArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final Thread reader;
    private volatile int port = -1;

    private ServerProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::read, "hubql-process-log");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code hubql serve ARGS} on a free port and waits until it serves (at most 60 s). */
    public static ServerProcess serve(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.hubql.Main",
                "serve",
                "--port",
                "0"));
        command.addAll(List.of(args));
        try {
            ServerProcess server = new ServerProcess(
                    new ProcessBuilder(command).redirectErrorStream(true).start());
            if (!server.started.await(60, TimeUnit.SECONDS) || server.port < 0) {
                server.close();
                throw new IllegalStateException("hubql did not start: " + server.log());
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (log) {
                    log.add(line);
                }
                Matcher matcher = STARTED.matcher(line);
                if (matcher.find()) {
                    port = Integer.parseInt(matcher.group(1));
                    started.countDown();
                }
            }
        } catch (IOException e) {
            // the process ended
        } finally {
            started.countDown();
        }
    }

    public int port() {
        return port;
    }

    /**
     * Sends SIGTERM, as systemd, Kubernetes and JupyterHub stop a service; through the process handle, because
     * {@link Process#destroy()} also closes the pipes the log is read from.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** The exit code, once the process has ended within {@code timeout}. */
    public int exitCode(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("hubql did not exit within " + timeout + "; log: " + log());
        }
        reader.join(timeout.toMillis()); // every line it printed is in the log
        return process.exitValue();
    }

    /** Every line the process has printed so far. */
    public List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
