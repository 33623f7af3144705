package org.baokao.gateway.waitingroom;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * The line every gateway instance shares (GW-2): tickets handed out in order, the ones still waiting, the ones
 * admitted and not yet collected, and how fast admissions went lately. Abandoned tickets (not asked about for a
 * while) leave the line at the next turn, so they never hold up the people behind them.
 */
interface TicketLine {

    /** A new ticket at the end of the line. */
    Mono<Joined> join();

    /** Where a ticket stands; asking counts as a sign of life. */
    Mono<Place> place(long ticket);

    /**
     * One instance's turn: drops abandoned tickets, admits up to {@code admit} from the front in ticket order,
     * and reports the line.
     */
    Mono<Turn> turn(int admit);

    record Joined(long ticket, long ahead) {
    }

    record Place(Standing standing, long ahead) {

        static final Place ADMITTED = new Place(Standing.ADMITTED, 0);
        static final Place UNKNOWN = new Place(Standing.UNKNOWN, 0);
    }

    enum Standing {
        WAITING,
        /** It is their turn: they collect their pass. */
        ADMITTED,
        /** Not in the line: it left as abandoned, or the store lost it. Its holder joins again. */
        UNKNOWN
    }

    /**
     * @param waiting        tickets in the line after this turn
     * @param admitted       tickets this turn admitted
     * @param admittedLately tickets admitted by every instance within the rate window
     * @param lateSpan       from the oldest of those admissions to now
     * @param abandoned      tickets this turn dropped as abandoned
     */
    record Turn(long waiting, int admitted, long admittedLately, Duration lateSpan, int abandoned) {
    }
}
