package org.hubql.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Two calls timed alternately, one of each per round, after a warm-up that alternates them too: whatever else the
 * machine does while they run falls on both alike, so their ratio holds even when the absolute times are noisy.
 * Wall-clock and CPU time are taken per call and allocation per series, all on the calling thread.
 */
final class Interleaved {
    /** Rounds taken however short the measuring time. */
    static final int MIN_ROUNDS = 20;
    /** Rounds taken at most, however long the measuring time. */
    static final int MAX_ROUNDS = 1 << 16;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Interleaved() {
        // non-constructable
    }

    /** One benchmarked call; its result is not looked at. */
    @FunctionalInterface
    interface Call {
        void run() throws Exception;
    }

    /** One side's calls: wall-clock and CPU nanoseconds per call, each sorted, and the bytes they allocated. */
    record Series(long[] nanos, long[] cpuNanos, long allocatedBytes) {
        int runs() {
            return nanos.length;
        }

        double medianUs() {
            return percentile(nanos, 0.50) / 1e3;
        }

        double p99Us() {
            return percentile(nanos, 0.99) / 1e3;
        }

        double cpuMedianUs() {
            return percentile(cpuNanos, 0.50) / 1e3;
        }

        double allocatedKbPerRun() {
            return allocatedBytes / 1024.0 / nanos.length;
        }
    }

    /** Both sides of the same rounds. */
    record Pair(Series first, Series second) {
        /** How many times longer the first side's median call took than the second's. */
        double ratio() {
            return (double) percentile(first.nanos(), 0.50) / percentile(second.nanos(), 0.50);
        }

        /** The same in CPU time; a second side that used no measurable CPU counts as one nanosecond. */
        double cpuRatio() {
            return (double) percentile(first.cpuNanos(), 0.50) / Math.max(1, percentile(second.cpuNanos(), 0.50));
        }
    }

    /**
     * Alternates {@code first} and {@code second} for {@code warmupSeconds} untimed, then for {@code measureSeconds}
     * timed (at least {@link #MIN_ROUNDS}, at most {@link #MAX_ROUNDS} rounds), {@code first} first in each round.
     */
    static Pair time(Call first, Call second, double warmupSeconds, double measureSeconds) throws Exception {
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        while (System.nanoTime() < warmupEnd) {
            first.run();
            second.run();
        }
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        long measureEnd = System.nanoTime() + (long) (measureSeconds * 1e9);
        int rounds = 0;
        while ((System.nanoTime() < measureEnd || rounds < MIN_ROUNDS) && rounds < MAX_ROUNDS) {
            a.record(first, rounds);
            b.record(second, rounds);
            rounds++;
        }
        return new Pair(a.series(rounds), b.series(rounds));
    }

    /** The value below which a share {@code p} of the sorted values lie (nearest rank). */
    static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** One side's measurements as they are taken. */
    private static final class Recorder {
        private final long[] nanos = new long[MAX_ROUNDS];
        private final long[] cpuNanos = new long[MAX_ROUNDS];
        private long allocated;

        void record(Call call, int round) throws Exception {
            long allocated0 = THREADS.getCurrentThreadAllocatedBytes();
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            call.run();
            long wall1 = System.nanoTime();
            long cpu1 = THREADS.getCurrentThreadCpuTime();
            long allocated1 = THREADS.getCurrentThreadAllocatedBytes();
            nanos[round] = wall1 - wall0;
            cpuNanos[round] = cpu1 - cpu0;
            allocated += allocated1 - allocated0;
        }

        Series series(int rounds) {
            long[] wall = Arrays.copyOf(nanos, rounds);
            long[] cpu = Arrays.copyOf(cpuNanos, rounds);
            Arrays.sort(wall);
            Arrays.sort(cpu);
            return new Series(wall, cpu, allocated);
        }
    }
}
