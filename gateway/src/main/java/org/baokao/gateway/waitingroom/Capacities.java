package org.baokao.gateway.waitingroom;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

import org.baokao.domain.DomainModel;

/**
 * GW-2: how many requests this gateway instance may have in flight to each service (route id → capacity) before
 * new candidate sessions wait. A route without a capacity is never the reason anyone waits.
 * <p>
 * One line for the whole site: a new session's journey touches every service (login, wizard, photo, payment), so
 * admitting it while any one of them is full only moves the crowd to that step; the room has space only when every
 * guarded service has.
 */
@DomainModel
public record Capacities(Map<String, Integer> perRoute) {

    public Capacities {
        perRoute.forEach((route, capacity) -> {
            if (capacity == null || capacity < 1) {
                throw new IllegalArgumentException("the capacity of route " + route + " must be at least 1, not "
                        + capacity);
            }
        });
        perRoute = Map.copyOf(new TreeMap<>(perRoute));
    }

    public static Capacities none() {
        return new Capacities(Map.of());
    }

    /** No route guarded: nobody ever waits. */
    public boolean isEmpty() {
        return perRoute.isEmpty();
    }

    public boolean guards(String route) {
        return perRoute.containsKey(route);
    }

    /**
     * The requests that may still start before some guarded service is full: the least of capacity − load over
     * the guarded routes; zero or less when one is full or over. {@link Integer#MAX_VALUE} when none is guarded.
     */
    public int free(ToIntFunction<String> loadOfRoute) {
        int free = Integer.MAX_VALUE;
        for (Map.Entry<String, Integer> route : perRoute.entrySet()) {
            free = Math.min(free, route.getValue() - loadOfRoute.applyAsInt(route.getKey()));
        }
        return free;
    }
}
