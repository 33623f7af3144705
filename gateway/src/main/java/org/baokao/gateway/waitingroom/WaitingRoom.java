package org.baokao.gateway.waitingroom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.baokao.gateway.waitingroom.AdmissionPolicy.Decision;
import org.baokao.gateway.waitingroom.TicketLine.Joined;
import org.baokao.gateway.waitingroom.TicketLine.Turn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Mono;

/**
 * GW-2 at one gateway instance: counts the load it sends to each service ({@link InFlightLoad}), decides for each
 * guarded request ({@link AdmissionPolicy}), keeps its view of the shared line ({@link TicketLine}) fresh and lets
 * people in from the front at each of its turns ({@link #takeTurn()}, every {@code turn-interval}).
 * <p>
 * When the shared store cannot be reached the room fails open: whoever would have waited goes in, and the failure
 * is logged and counted. A store outage must not become an outage of registration.
 */
final class WaitingRoom {

    private static final Logger log = LoggerFactory.getLogger(WaitingRoom.class);
    /** The estimate's rate is never measured over less: one fresh batch does not promise an instant wait. */
    static final Duration MINIMUM_RATE_SPAN = Duration.ofSeconds(20);
    private static final Duration FAILURE_LOG_INTERVAL = Duration.ofSeconds(30);

    private final Capacities capacities;
    private final InFlightLoad load;
    private final TicketLine line;
    private final WaitingRoomMetrics metrics;
    private final Clock clock;

    /** The line's length as this instance last saw it: refreshed at each turn, raised when it hands out a ticket. */
    private volatile long waiting;
    private volatile AdmissionRate rate = AdmissionRate.UNKNOWN;
    private final AtomicLong lastFailureLogged = new AtomicLong(Long.MIN_VALUE);

    WaitingRoom(Capacities capacities, InFlightLoad load, TicketLine line, WaitingRoomMetrics metrics, Clock clock) {
        this.capacities = capacities;
        this.load = load;
        this.line = line;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Guards anything at all: some route has a capacity and the room is enabled. */
    boolean isActive() {
        return !capacities.isEmpty();
    }

    Capacities capacities() {
        return capacities;
    }

    long waiting() {
        return waiting;
    }

    /**
     * The verdict on one guarded request from {@code visitor}; {@code call}: an API call (its own load, reserved
     * if it is let in at once), not a page load.
     */
    Mono<Verdict> admit(Visitor visitor, boolean call) {
        Decision decision = AdmissionPolicy.decide(visitor, waiting, capacities.free(load::committed));
        Optional<InFlightLoad.Pending> reserved = Optional.empty();
        if (decision == Decision.ADMIT_NOW && call) {
            // the room may have filled since the glance above: a crowd arriving in one instant takes its free places
            reserved = load.reserve(capacities);
            if (reserved.isEmpty()) {
                decision = Decision.JOIN_THE_LINE;
            }
        }
        return switch (decision) {
            case PASS -> Mono.just(Verdict.Pass.UNTOUCHED);
            case ADMIT_NOW -> {
                metrics.admittedAtOnce();
                yield Mono.just(new Verdict.Pass(true, false, reserved.orElse(null)));
            }
            case JOIN_THE_LINE -> join();
            case ASK_THE_LINE -> {
                Ticket ticket = visitor.ticket().orElseThrow();
                yield line.place(ticket.number())
                        .flatMap(place -> switch (place.standing()) {
                            case ADMITTED -> Mono.<Verdict>just(Verdict.Pass.ADMITTED);
                            case WAITING -> Mono.<Verdict>just(waitWith(ticket, false, place.ahead()));
                            // dropped as abandoned, or the store lost it: a newcomer again
                            case UNKNOWN -> admit(Visitor.newcomer(), call).map(WaitingRoom::replacingTheTicket);
                        })
                        .onErrorResume(this::failOpen);
            }
        };
    }

    private static Verdict replacingTheTicket(Verdict verdict) {
        return verdict instanceof Verdict.Pass pass ? new Verdict.Pass(true, true, pass.reserved()) : verdict;
    }

    private Mono<Verdict> join() {
        // at once, not when the store has answered: newcomers deciding meanwhile must not go in past this one
        waiting = Math.max(waiting, 1);
        return line.join()
                .<Verdict>map(this::joined)
                .onErrorResume(this::failOpen);
    }

    private Verdict joined(Joined joined) {
        metrics.queued();
        waiting = Math.max(waiting, joined.ahead() + 1);
        return waitWith(new Ticket(joined.ticket(), clock.instant()), true, joined.ahead());
    }

    private Verdict.Wait waitWith(Ticket ticket, boolean isNew, long ahead) {
        return new Verdict.Wait(ticket, isNew, ahead, WaitEstimate.minutes(ahead, rate));
    }

    /**
     * This instance's turn: judges the load of each guarded service over the interval since its last turn (the
     * most in flight at once) and lets in as many from the front of the line as it has room for.
     */
    Mono<Turn> takeTurn() {
        int free = capacities.free(load::overInterval);
        return line.turn(AdmissionPolicy.toAdmit(free))
                .doOnNext(turn -> {
                    waiting = turn.waiting();
                    rate = AdmissionRate.measured(turn.admittedLately(), turn.lateSpan(), MINIMUM_RATE_SPAN);
                    metrics.turn(turn);
                })
                .onErrorResume(error -> {
                    storeFailed(error);
                    // the line cannot be seen: nobody is kept out on the strength of a stale count
                    waiting = 0;
                    return Mono.empty();
                });
    }

    private Mono<Verdict> failOpen(Throwable error) {
        storeFailed(error);
        metrics.admittedFailingOpen();
        return Mono.just(Verdict.Pass.ADMITTED);
    }

    private void storeFailed(Throwable error) {
        metrics.storeFailed();
        long now = System.nanoTime();
        long last = lastFailureLogged.get();
        if ((last == Long.MIN_VALUE || now - last >= FAILURE_LOG_INTERVAL.toNanos())
                && lastFailureLogged.compareAndSet(last, now)) {
            log.warn("Waiting room: the shared store did not answer ({}); letting everyone in until it does "
                    + "(logged at most every {} s, counted in baokao_waiting_room_store_failures_total)",
                    error.toString(), FAILURE_LOG_INTERVAL.toSeconds());
        }
    }

    Instant now() {
        return clock.instant();
    }
}
