package org.baokao.gateway.waitingroom;

import java.util.OptionalInt;

/** What the waiting room answers about one guarded request. */
sealed interface Verdict {

    /**
     * Goes on to the service.
     *
     * @param newPass     a new session let in now (or a ticket whose turn came): its pass goes with the answer
     * @param spentTicket its ticket cookie is no longer needed
     * @param reserved    a new caller let in at once: its place in the load, taken when it was let in (else null)
     */
    record Pass(boolean newPass, boolean spentTicket, InFlightLoad.Pending reserved) implements Verdict {

        static final Pass UNTOUCHED = new Pass(false, false, null);
        static final Pass ADMITTED = new Pass(true, true, null);
        static final Pass AT_ONCE = new Pass(true, false, null);
    }

    /**
     * Waits in the line.
     *
     * @param ticket    the visitor's ticket (new ones go into a cookie)
     * @param newTicket taken just now
     * @param ahead     people ahead in the line (排队中，您前面还有 N 人)
     * @param minutes   the estimate; empty while the line has not moved lately
     */
    record Wait(Ticket ticket, boolean newTicket, long ahead, OptionalInt minutes) implements Verdict {
    }
}
