package org.baokao.gateway.waitingroom;

import java.util.function.ToDoubleFunction;

import org.baokao.gateway.waitingroom.TicketLine.Turn;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The waiting room in {@code /actuator/prometheus} (GW-2, OPS-1):
 * <ul>
 * <li>{@code baokao_waiting_room_queue_length}: tickets waiting in the shared line, as this instance last saw it
 * (every instance reports the same line: read the max, not the sum);</li>
 * <li>{@code baokao_waiting_room_admitted_total{how}}: sessions let in by this instance, {@code at-once} (nobody
 * waiting, room free), {@code from-line} (at its turns) or {@code failing-open} (the store did not answer);</li>
 * <li>{@code baokao_waiting_room_queued_total}: tickets this instance handed out;</li>
 * <li>{@code baokao_waiting_room_abandoned_total}: tickets its turns dropped for lack of a sign of life;</li>
 * <li>{@code baokao_waiting_room_store_failures_total}: calls to the shared store that failed or timed out;</li>
 * <li>{@code baokao_waiting_room_in_flight{route}} and {@code baokao_waiting_room_capacity{route}}: the load this
 * instance sends to each guarded service, next to its capacity.</li>
 * </ul>
 */
final class WaitingRoomMetrics {

    private final Counter atOnce;
    private final Counter fromLine;
    private final Counter failingOpen;
    private final Counter queued;
    private final Counter abandoned;
    private final Counter storeFailures;

    WaitingRoomMetrics(MeterRegistry registry) {
        atOnce = admitted(registry, "at-once");
        fromLine = admitted(registry, "from-line");
        failingOpen = admitted(registry, "failing-open");
        queued = Counter.builder("baokao.waiting.room.queued").description("Tickets handed out").register(registry);
        abandoned = Counter.builder("baokao.waiting.room.abandoned")
                .description("Tickets dropped from the line for lack of a sign of life").register(registry);
        storeFailures = Counter.builder("baokao.waiting.room.store.failures")
                .description("Calls to the shared store that failed or timed out (the room let people in)")
                .register(registry);
    }

    /** The gauges that read the room itself, registered once it exists. */
    static void watch(MeterRegistry registry, WaitingRoom room, InFlightLoad load) {
        gauge(registry, "baokao.waiting.room.queue.length", "Tickets waiting in the shared line", room,
                WaitingRoom::waiting);
        room.capacities().perRoute().forEach((route, capacity) -> {
            Gauge.builder("baokao.waiting.room.in.flight", load, l -> l.current(route)).tag("route", route)
                    .description("Requests this instance is proxying to the route now").register(registry);
            Gauge.builder("baokao.waiting.room.capacity", () -> capacity).tag("route", route)
                    .description("Requests this instance may have in flight to the route before new sessions wait")
                    .register(registry);
        });
    }

    private static <T> void gauge(MeterRegistry registry, String name, String description, T owner,
            ToDoubleFunction<T> value) {
        Gauge.builder(name, owner, value).description(description).register(registry);
    }

    private static Counter admitted(MeterRegistry registry, String how) {
        return Counter.builder("baokao.waiting.room.admitted").tag("how", how)
                .description("Sessions let in by this instance").register(registry);
    }

    void admittedAtOnce() {
        atOnce.increment();
    }

    void admittedFailingOpen() {
        failingOpen.increment();
    }

    void queued() {
        queued.increment();
    }

    void turn(Turn turn) {
        fromLine.increment(turn.admitted());
        abandoned.increment(turn.abandoned());
    }

    void storeFailed() {
        storeFailures.increment();
    }
}
