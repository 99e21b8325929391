package org.hubql.bench;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hubql.auth.AuthOptions;
import org.hubql.db.DatabaseLocation;
import org.hubql.graph.GraphOptions;
import org.hubql.testkit.RunningGateway;

/**
 * What one request costs the server over HTTP, counted on Jetty's threads only: bytes allocated and CPU time per
 * request, which other processes sharing the machine do not change as they change wall-clock figures. The gateway
 * and its clients run in this JVM; the clients' own threads are not counted.
 *
 * <p>Usage: {@code LightHttpBench HUB TOKEN BODY_FILE WARMUP_REQUESTS MEASURED_REQUESTS [CLIENTS]}; run it with
 * another build's classes ahead of the test classes on the class path to compare builds (bench/NOTES.md).
 */
public final class LightHttpBench {
    private static final String SERVER_THREADS = "JettyServerThreadPool";

    private LightHttpBench() {}

    public static void main(String[] args) throws Exception {
        DatabaseLocation hub = DatabaseLocation.parse(args[0]);
        String token = args[1];
        String body = Files.readString(Path.of(args[2]));
        int warmup = Integer.parseInt(args[3]);
        int measured = Integer.parseInt(args[4]);
        int clients = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        try (RunningGateway gateway =
                RunningGateway.serve(hub, false, GraphOptions.defaults(), AuthOptions.defaults())) {
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(gateway.uri("/graphql"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "token " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            String answer =
                    client.send(request, HttpResponse.BodyHandlers.ofString()).body();
            if (!answer.startsWith("{\"data\"") || answer.contains("\"errors\"")) {
                throw new IllegalStateException("unexpected answer: " + answer);
            }
            load(client, request, warmup, clients);
            Totals before = Totals.now();
            long start = System.nanoTime();
            load(client, request, measured, clients);
            long wall = System.nanoTime() - start;
            Totals after = Totals.now();
            System.out.printf(
                    "requests %d clients %d: %.0f B allocated and %.1f us CPU per request on Jetty threads; %.0f req/s%n",
                    measured,
                    clients,
                    (after.allocated - before.allocated) / (double) measured,
                    (after.cpuNanos - before.cpuNanos) / 1000.0 / measured,
                    measured * 1e9 / wall);
        }
    }

    private static void load(HttpClient client, HttpRequest request, int requests, int clients) throws Exception {
        AtomicInteger left = new AtomicInteger(requests);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                try {
                    while (left.getAndDecrement() > 0) {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("status " + response.statusCode());
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** Allocation and CPU time summed over the server's threads. */
    private record Totals(long allocated, long cpuNanos) {
        static Totals now() {
            ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
            long allocated = 0;
            long cpu = 0;
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && info.getThreadName().startsWith(SERVER_THREADS)) {
                    allocated += threads.getThreadAllocatedBytes(info.getThreadId());
                    cpu += threads.getThreadCpuTime(info.getThreadId());
                }
            }
            return new Totals(allocated, cpu);
        }
    }
}
