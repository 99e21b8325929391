package org.hubql.graph;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The two lines operations wait in before they run, chosen by their {@link QueryCost}: a cheap query is never stuck
 * behind heavy ones, and however many heavy ones arrive, only a few run (and hold their results in memory) at once.
 *
 * <ul>
 *   <li>light (cost below {@value #HEAVY_COST}): two slots per core, as many waiting as the server has threads;
 *   <li>heavy: one slot per two cores (at least one), and at most {@value #HEAVY_WAITING} waiting; one more is
 *       refused at once ({@link Overloaded}, HTTP 503 with {@code Retry-After}) instead of queueing past what its
 *       time limit could ever cover.
 * </ul>
 *
 * Both lines are fair (first come, first served); a wait ends at the request's time limit. An operation keeps its
 * slot until its answer is written as JSON ({@link HubGraph#execute(GraphRequest, org.hubql.db.SqlTrace,
 * org.hubql.scopes.Viewer, java.util.function.Function)}), so a heavy answer's serialization stays in its lane too.
 */
public final class ExecutionLanes {
    /** About a page of a hundred users with their servers, groups and tokens. */
    static final int HEAVY_COST = 10_000;

    static final int HEAVY_WAITING = 128;

    static final String FULL =
            "too many expensive queries are waiting; retry in a few seconds, or ask for smaller pages";

    private final Lane light;
    private final Lane heavy;
    private final Duration requestTimeout;

    ExecutionLanes(int cores, Duration requestTimeout) {
        this(cores, requestTimeout, HEAVY_WAITING);
    }

    /** With room for {@code heavyWaiting} heavy operations in line; a test's small number. */
    ExecutionLanes(int cores, Duration requestTimeout, int heavyWaiting) {
        this.light = new Lane(2 * cores, Integer.MAX_VALUE);
        this.heavy = new Lane(Math.max(1, cores / 2), heavyWaiting);
        this.requestTimeout = requestTimeout;
    }

    /** One request's passage through the lanes, started when its deadline is known. */
    Admission newAdmission(long deadlineNanos) {
        return new Admission(deadlineNanos);
    }

    /** The light lane's slots; a test may hold them. */
    Semaphore lightSlots() {
        return light.slots;
    }

    /** The heavy lane's slots; a test may hold them. */
    Semaphore heavySlots() {
        return heavy.slots;
    }

    /** Heavy operations waiting for a slot now. */
    int heavyWaiting() {
        return heavy.waiting.get();
    }

    private static final class Lane {
        final Semaphore slots;
        final int maxWaiting;
        final AtomicInteger waiting = new AtomicInteger();

        Lane(int slots, int maxWaiting) {
            this.slots = new Semaphore(slots, true);
            this.maxWaiting = maxWaiting;
        }
    }

    /** Where one operation stands: not yet admitted, running in a lane, or refused because its lane was full. */
    final class Admission {
        private final long deadlineNanos;
        private @Nullable Lane holding;
        private boolean refused;

        private Admission(long deadlineNanos) {
            this.deadlineNanos = deadlineNanos;
        }

        /**
         * Waits for a slot in the lane of this cost. Throws a GraphQL error (the operation does not run) when the
         * lane is full ({@link ErrorCodes#OVERLOADED}) or the time limit passes first ({@link ErrorCodes#TIMEOUT}).
         * An operation admitted already keeps its slot.
         */
        void enter(int cost) {
            if (holding != null) {
                return;
            }
            Lane lane = cost >= HEAVY_COST ? heavy : light;
            if (lane.waiting.incrementAndGet() > lane.maxWaiting) {
                lane.waiting.decrementAndGet();
                refused = true;
                throw new LimitExceeded(ErrorCodes.OVERLOADED, FULL);
            }
            try {
                if (!lane.slots.tryAcquire(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    throw timedOut();
                }
                holding = lane;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw timedOut();
            } finally {
                lane.waiting.decrementAndGet();
            }
        }

        private LimitExceeded timedOut() {
            return new LimitExceeded(
                    ErrorCodes.TIMEOUT, "the request's time limit of " + requestTimeout.toSeconds() + " s was reached");
        }

        boolean refused() {
            return refused;
        }

        /** Gives the slot back, if one was taken. */
        void release() {
            if (holding != null) {
                holding.slots.release();
                holding = null;
            }
        }
    }
}
