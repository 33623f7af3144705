package org.baokao.gateway.waitingroom;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GW-2: the requests this gateway instance is proxying to each service right now, and the most there were at once
 * since the waiting room's last turn, so a turn judges the load over its interval rather than by one glance: with
 * short requests a glance often finds a busy service momentarily idle, and an average lags behind a load that has
 * just risen (the first design took the average, and its turns let in too many right after a quiet second). Per
 * instance: each instance guards its own share of a service's capacity.
 */
public final class InFlightLoad {

    private final Map<String, RouteLoad> routes = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();

    /** A request to {@code route} starts; call {@link Started#finished()} exactly once when it is over. */
    public Started started(String route) {
        RouteLoad load = routes.computeIfAbsent(route, id -> new RouteLoad());
        int now = load.inFlight.incrementAndGet();
        load.peak.accumulateAndGet(now, Math::max);
        return new Started(load);
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
     * The load of {@code route} over the interval since the last call: the most requests in flight at once, or
     * the number in flight now if that is more. Starts the next interval.
     */
    public int overInterval(String route) {
        RouteLoad load = routes.get(route);
        if (load == null) {
            return 0;
        }
        int now = load.inFlight.get();
        return Math.max(now, load.peak.getAndSet(now));
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

        private Started(RouteLoad load) {
            this.load = load;
        }

        public void finished() {
            load.inFlight.decrementAndGet();
        }
    }

    private static final class RouteLoad {
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger peak = new AtomicInteger();
    }
}
