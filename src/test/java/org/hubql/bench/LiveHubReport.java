package org.hubql.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The live-hub section of {@code bench/RESULTS.md}, between {@link #BEGIN} and {@link #END}: written by
 * {@link LiveHubBench} in place of the previous one (or appended), and kept as is by {@link BenchReport}.
 */
final class LiveHubReport {
    static final String BEGIN = "<!-- live-hub: written by bench/live-hub, do not edit by hand -->";
    static final String END = "<!-- /live-hub -->";
    /** The targets. */
    private static final double WRITER_MARGIN_MS = 100;

    private static final double JUPYTERHUB_RATIO = 1.5;
    private static final long RSS_LIMIT_KB = 400 * 1024;
    private static final double TRIVIAL_P99_MS = 50;

    private final boolean quick;
    private final Duration phase;
    private final Duration soak;
    private final String loadAtStart;
    private String loadAtEnd = "";
    private final List<String> targets = new ArrayList<>();
    private final List<String> writerRows = new ArrayList<>();
    private final List<String> trivialRows = new ArrayList<>();
    private final List<String> jupyterHubRows = new ArrayList<>();
    private final List<String> soakRows = new ArrayList<>();

    LiveHubReport(boolean quick, Duration phase, Duration soak) {
        this.quick = quick;
        this.phase = phase;
        this.soak = soak;
        try {
            this.loadAtStart = LiveHubBench.loadAverage();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void loadAtEnd(String load) {
        loadAtEnd = load;
    }

    void writer(
            int size,
            String journal,
            CommitWriter.Waits alone,
            CommitWriter.Waits loaded,
            JsonNode served,
            long serverErrors) {
        double margin = loaded.maxMs() - alone.maxMs();
        long failed = Wrk.failures(served) + serverErrors;
        writerRows.add(row(
                num(size),
                journal,
                waits(alone),
                waits(loaded),
                ms(margin),
                alone.failures()
                        + loaded.failures()
                        + (loaded.firstFailure().isEmpty() ? "" : " (" + loaded.firstFailure() + ")"),
                served.get("requests").asLong() + " (" + failed + " failed)"));
        target(
                "writer's worst commit with hubql at 64 clients ≤ worst alone + 100 ms (" + num(size) + " users, "
                        + journal + ")",
                ms(loaded.maxMs()) + " vs " + ms(alone.maxMs()) + " alone",
                margin <= WRITER_MARGIN_MS);
        target(
                "no failed commit, no failed hubql request (" + num(size) + " users, " + journal + ")",
                (alone.failures() + loaded.failures()) + " commits, " + failed + " requests",
                alone.failures() + loaded.failures() == 0 && failed == 0);
    }

    void trivial(int size, JsonNode trivial, JsonNode heavy) {
        double p99 = trivial.get("p99Us").asDouble() / 1000;
        trivialRows.add(row(
                num(size),
                latency(trivial),
                String.valueOf(trivial.get("requests").asLong()),
                heavy.get("requests").asLong() + " (p50 "
                        + ms(heavy.get("p50Us").asDouble() / 1000) + ")",
                String.valueOf(Wrk.failures(trivial) + Wrk.failures(heavy))));
        target(
                "trivial query p99 ≤ 50 ms while 60 clients run wide queries (" + num(size) + " users)",
                ms(p99),
                p99 <= TRIVIAL_P99_MS);
    }

    void jupyterHub(int users, JupyterHubLoad.Calls idle, JupyterHubLoad.Calls loaded, JsonNode served, long locked) {
        jupyterHubRows.add(row("hubql idle", calls(idle), "", ""));
        jupyterHubRows.add(row(
                "hubql at 64 clients (wide queries)",
                calls(loaded),
                served.get("requests").asLong() + " (" + Wrk.failures(served) + " failed)",
                String.valueOf(locked)));
        target(
                "JupyterHub 3.0 API p99 with hubql loaded ≤ 1.5 × with hubql idle (" + num(users) + " users)",
                ms(loaded.p99Ms()) + " vs " + ms(idle.p99Ms())
                        + String.format(Locale.ROOT, " = %.2f ×", loaded.p99Ms() / idle.p99Ms()),
                loaded.p99Ms() <= JUPYTERHUB_RATIO * idle.p99Ms());
        target(
                "no failed JupyterHub call, no \"database is locked\" in its log",
                (idle.failures() + loaded.failures()) + " failed, " + locked + " lines",
                idle.failures() + loaded.failures() == 0 && locked == 0);
    }

    void noJupyterHub() {
        jupyterHubRows.add(row("not run: no `jupyterhub` on the PATH (`apt-get install -y jupyterhub`)", "", "", ""));
    }

    void soak(
            int size,
            ServedHub.Sample start,
            ServedHub.Sample loaded,
            ServedHub.Sample end,
            JsonNode pages,
            JsonNode wide,
            CommitWriter.Waits writes,
            long serverErrors) {
        soakRows.add(row("start (warm, idle)", sample(start)));
        soakRows.add(row("near the end, under load", sample(loaded)));
        soakRows.add(row("end (idle)", sample(end)));
        long failed = Wrk.failures(pages) + Wrk.failures(wide) + serverErrors;
        long peakRss = Math.max(loaded.rssKb(), end.rssKb());
        target(
                "RSS ≤ 400 MB with -Xmx256m at 64 clients on " + num(size) + " users",
                mb(peakRss),
                peakRss <= RSS_LIMIT_KB);
        target(
                "soak: zero errors (" + soak.toSeconds() + " s, 64 clients and the writer)",
                (pages.get("requests").asLong() + wide.get("requests").asLong()) + " requests, " + failed
                        + " failed; " + writes.commits() + " commits, " + writes.failures() + " failed, worst "
                        + ms(writes.maxMs()),
                failed == 0 && writes.failures() == 0);
    }

    /** Replaces the section in {@code results} (or appends it), leaving the rest of the file as it is. */
    void writeInto(Path results) throws IOException {
        String existing = Files.exists(results) ? Files.readString(results) : "";
        String section = render();
        int begin = existing.indexOf(BEGIN);
        int end = existing.indexOf(END);
        String updated = begin >= 0 && end > begin
                ? existing.substring(0, begin) + section + existing.substring(end + END.length())
                : existing.stripTrailing() + (existing.isBlank() ? "" : "\n\n") + section + "\n";
        Files.writeString(results, updated);
    }

    /** The section as it stands in {@code text}, to keep when the rest of the file is rewritten; empty if none. */
    static String sectionOf(String text) {
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        return begin >= 0 && end > begin ? text.substring(begin, end + END.length()) : "";
    }

    private String render() {
        StringBuilder out = new StringBuilder();
        out.append(BEGIN).append('\n');
        out.append("## Live hub: the hub's writer, a real JupyterHub, fairness, soak (`bench/live-hub`)\n\n");
        out.append("```\n");
        out.append("date: ")
                .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append(" UTC\n");
        out.append("mode: ")
                .append(quick ? "quick" : "full")
                .append(" (")
                .append(phase.toSeconds())
                .append(" s per phase, soak ")
                .append(soak.toSeconds())
                .append(" s)\n");
        out.append("hubql JVM flags: -Xmx256m\n");
        out.append("load average at start: ").append(loadAtStart).append('\n');
        out.append("load average at end: ").append(loadAtEnd).append('\n');
        out.append("```\n\n");
        out.append("The machine has 2 cores; a load average well above 2 means other work shared them, and the\n");
        out.append("figures (the writer's waits above all) are noise to that extent.\n\n");
        out.append("### Targets\n\n| target | measured | holds |\n|---|---|---|\n");
        targets.forEach(line -> out.append(line).append('\n'));
        out.append("\n### The hub's writer\n\n");
        out.append(
                "`BEGIN IMMEDIATE; UPDATE users SET last_activity …; COMMIT` every 10 ms, timed from BEGIN to the end\n");
        out.append(
                "of COMMIT (busy_timeout 5 s, as SQLAlchemy's); alone, then while hubql serves 64 clients of a wide\n");
        out.append("query (1,000 users with spawners, groups, tokens) on the same file. p50 / p99 / worst.\n\n");
        out.append("| users | journal | writer alone | writer with hubql | worst − worst alone | failed commits | "
                + "hubql requests |\n|---|---|---|---|---|---|---|\n");
        writerRows.forEach(line -> out.append(line).append('\n'));
        out.append("\n### A trivial query while heavy ones run\n\n");
        out.append("4 clients of `" + LiveHubBench.TRIVIAL + "` while 60 run the wide query (p50 / p99 / max).\n\n");
        out.append("| users | trivial query | trivial requests | wide requests | failed |\n|---|---|---|---|---|\n");
        trivialRows.forEach(line -> out.append(line).append('\n'));
        out.append("\n### A real JupyterHub\n\n");
        out.append(
                "Debian's JupyterHub 3.0 on its own SQLite file (rollback journal, its default), driven through its\n");
        out.append(
                "REST API: create a user, post activity, create a token, start and stop a server (a trivial spawner),\n");
        out.append("polling the user until the server is ready or gone. hubql serves the same file (`--no-auth`).\n\n");
        out.append("| phase | REST calls (p50 / p99 / max, failed) | hubql requests | \"database is locked\" |\n"
                + "|---|---|---|---|\n");
        jupyterHubRows.forEach(line -> out.append(line).append('\n'));
        out.append("\n### Soak\n\n");
        out.append("48 clients of the dashboard page and 16 of the wide query on the largest hub, with the writer,\n");
        out.append("for " + soak.toSeconds() + " s; hubql with -Xmx256m. Heap is measured after a full GC.\n\n");
        out.append("| when | RSS | heap in use | threads | file descriptors |\n|---|---|---|---|---|\n");
        soakRows.forEach(line -> out.append(line).append('\n'));
        out.append('\n').append(END);
        return out.toString();
    }

    private void target(String what, String measured, boolean holds) {
        targets.add(row(what, measured, holds ? "yes" : "**no**"));
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    private static String waits(CommitWriter.Waits waits) {
        return ms(waits.p50Ms()) + " / " + ms(waits.p99Ms()) + " / " + ms(waits.maxMs()) + " (" + waits.commits()
                + " commits)";
    }

    private static String calls(JupyterHubLoad.Calls calls) {
        return ms(calls.p50Ms()) + " / " + ms(calls.p99Ms()) + " / " + ms(calls.maxMs()) + " (" + calls.calls()
                + " calls, " + calls.failures() + " failed)";
    }

    private static String latency(JsonNode wrk) {
        return ms(wrk.get("p50Us").asDouble() / 1000) + " / "
                + ms(wrk.get("p99Us").asDouble() / 1000) + " / "
                + ms(wrk.get("maxUs").asDouble() / 1000);
    }

    private static String sample(ServedHub.Sample sample) {
        return mb(sample.rssKb()) + " | " + mb(sample.heapUsedKb()) + " | " + sample.threads() + " | "
                + sample.fileDescriptors();
    }

    private static String ms(double ms) {
        return String.format(Locale.ROOT, ms < 10 ? "%.1f ms" : "%.0f ms", ms);
    }

    private static String mb(long kb) {
        return String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
    }

    private static String num(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
