package org.hubql.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code java -jar target/hubql.jar serve} as a process of its own, with what the live-hub bench samples of it. */
final class ServedHub implements AutoCloseable {
    private static final Pattern STARTED = Pattern.compile("Start completed: http://127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final int port;
    private final Path log;

    private ServedHub(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** One sample of the server process: resident memory, heap in use after a full GC, threads, open files. */
    record Sample(long rssKb, long heapUsedKb, int threads, int fileDescriptors) {
        String json() {
            return String.format(
                    Locale.ROOT,
                    "{\"rssKb\":%d,\"heapUsedKb\":%d,\"threads\":%d,\"fds\":%d}",
                    rssKb,
                    heapUsedKb,
                    threads,
                    fileDescriptors);
        }
    }

    static ServedHub start(Path hub, Path log, String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx256m", "-jar", "target/hubql.jar", "serve"));
        command.addAll(List.of("--db", hub.toString(), "--port", "0"));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        for (int i = 0; i < 600; i++) {
            Matcher started = STARTED.matcher(Files.readString(log));
            if (started.find()) {
                return new ServedHub(process, Integer.parseInt(started.group(1)), log);
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("hubql did not start; its log:\n" + Files.readString(log));
    }

    String url() {
        return "http://127.0.0.1:" + port + "/graphql";
    }

    Sample sample() throws IOException, InterruptedException {
        long pid = process.pid();
        run("jcmd", String.valueOf(pid), "GC.run");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(run("jcmd", String.valueOf(pid), "GC.heap_info"));
        long heap = used.find() ? Long.parseLong(used.group(1)) : -1;
        String status = Files.readString(Path.of("/proc/" + pid + "/status"));
        int fds;
        try (var files = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            fds = (int) files.count();
        }
        return new Sample(statusField(status, "VmRSS"), heap, (int) statusField(status, "Threads"), fds);
    }

    /**
     * ERROR lines of the server's log, but for a client that went away before its answer was written (wrk drops its
     * connections when its time is up, with requests in flight).
     */
    long errors() throws IOException {
        List<String> lines = Files.readAllLines(log);
        long errors = 0;
        for (int i = 0; i < lines.size(); i++) {
            boolean clientGone = i + 1 < lines.size()
                    && (lines.get(i + 1).contains("EofException")
                            || lines.get(i + 1).contains("Broken pipe"));
            if (lines.get(i).contains(" ERROR ") && !clientGone) {
                errors++;
            }
        }
        return errors;
    }

    private static long statusField(String status, String field) {
        Matcher value = Pattern.compile(field + ":\\s+(\\d+)").matcher(status);
        return value.find() ? Long.parseLong(value.group(1)) : -1;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
