package org.baokao.gateway.waitingroom;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * GW-2: the requests this gateway instance is proxying to each service right now, and the time they spent in
 * flight, so a turn of the waiting room can judge the load over the interval since its last turn rather than by
 * one glance: with short requests a glance often finds a busy service momentarily idle. Per instance: each
 * instance guards its own share of a service's capacity.
 */
public final class InFlightLoad {

    private final Map<String, RouteLoad> routes = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();

    /** A request to {@code route} starts; call {@link Started#finished()} exactly once when it is over. */
    public Started started(String route, long nowNanos) {
        RouteLoad load = routes.computeIfAbsent(route, id -> new RouteLoad());
        load.inFlight.incrementAndGet();
        return new Started(load, nowNanos);
    }

    /**
     * A guarded API call was let through the waiting room and is on its way to its route (security, routing):
     * it counts against every route until {@link Pending#settle()}, called when it is counted in flight or is
     * over. Without it, a crowd of new callers arriving in one instant would all find the services idle before any
     * of their calls had started, and all go in.
     */
    public Pending pending() {
        pending.incrementAndGet();
        return new Pending(pending);
    }

    /**
     * For a new caller let in at once: on its way, if the guarded routes have room for it counting the calls
     * already on their way; empty otherwise. Atomic against other callers deciding at the same instant.
     */
    public Optional<Pending> reserve(Capacities capacities) {
        while (true) {
            int onTheirWay = pending.get();
            if (capacities.free(route -> current(route) + onTheirWay) <= 0) {
                return Optional.empty();
            }
            if (pending.compareAndSet(onTheirWay, onTheirWay + 1)) {
                return Optional.of(new Pending(pending));
            }
        }
    }

    /** Requests in flight to {@code route} now, and the calls on their way to some route. */
    public int committed(String route) {
        return current(route) + pending.get();
    }

    /** Requests in flight to {@code route} at this moment. */
    public int current(String route) {
        RouteLoad load = routes.get(route);
        return load == null ? 0 : load.inFlight.get();
    }

    /**
     * The load of {@code route} over the interval since the last call (of {@code intervalNanos}): the average
     * number in flight (time in flight of the requests that ended ÷ interval), or the number in flight now if that
     * is more (requests still running have not counted their time yet). Restarts the interval.
     */
    public int overInterval(String route, long intervalNanos) {
        RouteLoad load = routes.get(route);
        if (load == null) {
            return 0;
        }
        long busy = load.busyNanos.sumThenReset();
        int average = intervalNanos <= 0 ? 0 : (int) Math.round((double) busy / intervalNanos);
        return Math.max(load.inFlight.get(), average);
    }

    public static final class Pending {

        private final AtomicInteger pending;
        private final AtomicBoolean settled = new AtomicBoolean();

        private Pending(AtomicInteger pending) {
            this.pending = pending;
        }

        /** No longer on its way (counted in flight, or over); any further call does nothing. */
        public void settle() {
            if (settled.compareAndSet(false, true)) {
                pending.decrementAndGet();
            }
        }
    }

    public static final class Started {

        private final RouteLoad load;
        private final long startNanos;

        private Started(RouteLoad load, long startNanos) {
            this.load = load;
            this.startNanos = startNanos;
        }

        public void finished(long nowNanos) {
            load.inFlight.decrementAndGet();
            load.busyNanos.add(nowNanos - startNanos);
        }
    }

    private static final class RouteLoad {
        private final AtomicInteger inFlight = new AtomicInteger();
        private final LongAdder busyNanos = new LongAdder();
    }
}
