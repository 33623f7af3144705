package org.baokao.gateway.waitingroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baokao.gateway.waitingroom.TicketLine.Joined;
import org.baokao.gateway.waitingroom.TicketLine.Place;
import org.baokao.gateway.waitingroom.TicketLine.Standing;
import org.baokao.gateway.waitingroom.TicketLine.Turn;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

// GW-2: one instance's room in front of a line that is scripted here (the real one: WaitingRoomGatewayTest)
class WaitingRoomTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    private final ScriptedLine line = new ScriptedLine();
    private final InFlightLoad load = new InFlightLoad();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final WaitingRoom room = new WaitingRoom(new Capacities(Map.of("enrollment", 2)), load, line,
            new WaitingRoomMetrics(registry), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void underCapacityANewcomerGoesInAtOnceWithoutAskingTheStore() {
        load.started("enrollment");

        assertThat(room.admit(Visitor.newcomer(), false).block()).isEqualTo(Verdict.Pass.AT_ONCE);
        assertThat(line.calls).isEmpty();
        assertThat(counter("baokao.waiting.room.admitted", "at-once")).isEqualTo(1);
    }

    @Test
    void callsLetThroughButNotYetRoutedCountAgainstTheRoom() {
        // a crowd of new callers in one instant: each one let in takes its place before it is in flight
        Verdict first = room.admit(Visitor.newcomer(), true).block();
        assertThat(first).isInstanceOf(Verdict.Pass.class);
        assertThat(((Verdict.Pass) first).reserved()).isNotNull();
        assertThat(load.committed("enrollment")).isEqualTo(1);
        Verdict second = room.admit(Visitor.newcomer(), true).block();
        assertThat(((Verdict.Pass) second).reserved()).isNotNull();

        line.joins.add(new Joined(1, 0));
        assertThat(room.admit(Visitor.newcomer(), true).block()).isInstanceOf(Verdict.Wait.class);

        // one of them reached its route: in flight, no longer on its way; still no room
        load.started("enrollment");
        ((Verdict.Pass) first).reserved().settle();
        line.joins.add(new Joined(2, 1));
        assertThat(room.admit(Visitor.newcomer(), true).block()).isInstanceOf(Verdict.Wait.class);
    }

    @Test
    void atCapacityANewcomerTakesATicketAndLaterNewcomersQueueBehindEvenWithRoom() {
        InFlightLoad.Started one = load.started("enrollment");
        load.started("enrollment");
        line.joins.add(new Joined(41, 0));

        Verdict verdict = room.admit(Visitor.newcomer(), false).block();
        assertThat(verdict).isEqualTo(new Verdict.Wait(new Ticket(41, NOW), true, 0, java.util.OptionalInt.empty()));
        assertThat(room.waiting()).isEqualTo(1);

        // room again, but ticket 41 is waiting: the next newcomer goes behind it, not past it
        one.finished();
        line.joins.add(new Joined(42, 1));
        assertThat(room.admit(Visitor.newcomer(), false).block()).isInstanceOf(Verdict.Wait.class);
        assertThat(line.calls).containsExactly("join", "join");
    }

    @Test
    void whileANewcomersTicketIsBeingTakenTheNextNewcomerDoesNotGoPastIt() {
        InFlightLoad.Started one = load.started("enrollment");
        load.started("enrollment");
        Sinks.One<Joined> storeAnswer = Sinks.one();
        line.slowJoin = storeAnswer.asMono();
        room.admit(Visitor.newcomer(), false).subscribe();

        // a place frees up before the store has answered the first newcomer's join
        one.finished();
        line.slowJoin = null;
        line.joins.add(new Joined(2, 1));
        assertThat(room.admit(Visitor.newcomer(), false).block()).isInstanceOf(Verdict.Wait.class);
        storeAnswer.tryEmitValue(new Joined(1, 0));
    }

    @Test
    void aTicketWhoseTurnCameCollectsItsPassAndSpendsTheTicket() {
        line.places.add(Place.ADMITTED);
        Visitor holder = new Visitor(false, false, Optional.of(new Ticket(41, NOW)));
        assertThat(room.admit(holder, false).block()).isEqualTo(Verdict.Pass.ADMITTED);
        assertThat(line.calls).containsExactly("place 41");
    }

    @Test
    void aTicketStillWaitingIsToldThePeopleAheadAndTheEstimateOfTheLastTurn() {
        line.turns.add(new Turn(30, 0, 20, Duration.ofMinutes(2), 0));
        room.takeTurn().block();
        line.places.add(new Place(Standing.WAITING, 25));

        Verdict verdict = room.admit(new Visitor(false, false, Optional.of(new Ticket(41, NOW))), false).block();
        assertThat(verdict).isEqualTo(new Verdict.Wait(new Ticket(41, NOW), false, 25, java.util.OptionalInt.of(3)));
    }

    @Test
    void aTicketTheLineNoLongerKnowsJoinsAgainAtTheEnd() {
        load.started("enrollment");
        load.started("enrollment");
        line.places.add(Place.UNKNOWN);
        line.joins.add(new Joined(90, 12));

        Verdict verdict = room.admit(new Visitor(false, false, Optional.of(new Ticket(41, NOW))), false).block();
        assertThat(verdict).isEqualTo(new Verdict.Wait(new Ticket(90, NOW), true, 12, java.util.OptionalInt.empty()));
    }

    @Test
    void aTicketTheLineNoLongerKnowsGoesInIfThereIsRoomAndNobodyWaits() {
        line.places.add(Place.UNKNOWN);
        Verdict verdict = room.admit(new Visitor(false, false, Optional.of(new Ticket(41, NOW))), false).block();
        // the old ticket cookie goes with it
        assertThat(verdict).isEqualTo(Verdict.Pass.ADMITTED);
    }

    @Test
    void aTurnAdmitsWhatTheLoadOverTheIntervalLeavesFree() {
        load.started("enrollment");
        line.turns.add(new Turn(5, 1, 1, Duration.ZERO, 2));

        room.takeTurn().block();

        assertThat(line.calls).containsExactly("turn 1");
        assertThat(room.waiting()).isEqualTo(5);
        assertThat(counter("baokao.waiting.room.admitted", "from-line")).isEqualTo(1);
        assertThat(registry.get("baokao.waiting.room.abandoned").counter().count()).isEqualTo(2);
    }

    @Test
    void aTurnOverCapacityAdmitsNobody() {
        for (int i = 0; i < 3; i++) {
            load.started("enrollment");
        }
        line.turns.add(new Turn(5, 0, 0, Duration.ZERO, 0));
        room.takeTurn().block();
        assertThat(line.calls).containsExactly("turn 0");
    }

    @Test
    void whenTheStoreFailsEveryoneWhoWouldWaitGoesInAndItIsCounted() {
        load.started("enrollment");
        load.started("enrollment");
        line.failing = true;

        assertThat(room.admit(Visitor.newcomer(), false).block()).isEqualTo(Verdict.Pass.ADMITTED);
        assertThat(room.admit(new Visitor(false, false, Optional.of(new Ticket(3, NOW))), false).block())
                .isEqualTo(Verdict.Pass.ADMITTED);
        assertThat(registry.get("baokao.waiting.room.store.failures").counter().count()).isEqualTo(2);
        assertThat(counter("baokao.waiting.room.admitted", "failing-open")).isEqualTo(2);
    }

    @Test
    void aTurnThatCannotReachTheStoreForgetsTheLineItCannotSee() {
        load.started("enrollment");
        load.started("enrollment");
        line.joins.add(new Joined(41, 0));
        room.admit(Visitor.newcomer(), false).block();
        assertThat(room.waiting()).isEqualTo(1);

        line.failing = true;
        room.takeTurn().block();

        assertThat(room.waiting()).isZero();
    }

    private double counter(String name, String how) {
        return registry.get(name).tag("how", how).counter().count();
    }

    /** A line that answers what the test queued up, and records what it was asked. */
    private static final class ScriptedLine implements TicketLine {

        final List<String> calls = new ArrayList<>();
        final List<Joined> joins = new ArrayList<>();
        final List<Place> places = new ArrayList<>();
        final List<Turn> turns = new ArrayList<>();
        boolean failing;
        Mono<Joined> slowJoin;

        @Override
        public Mono<Joined> join() {
            calls.add("join");
            if (slowJoin != null) {
                return slowJoin;
            }
            return failing ? down() : Mono.just(joins.removeFirst());
        }

        @Override
        public Mono<Place> place(long ticket) {
            calls.add("place " + ticket);
            return failing ? down() : Mono.just(places.removeFirst());
        }

        @Override
        public Mono<Turn> turn(int admit) {
            calls.add("turn " + admit);
            return failing ? down() : Mono.just(turns.removeFirst());
        }

        private static <T> Mono<T> down() {
            return Mono.error(new IllegalStateException("Redis is down"));
        }
    }
}
