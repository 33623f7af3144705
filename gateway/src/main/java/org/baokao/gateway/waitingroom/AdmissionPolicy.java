package org.baokao.gateway.waitingroom;

import org.baokao.domain.DomainModel;

/**
 * GW-2: who goes in, who waits.
 * <ul>
 * <li>Candidates already in a journey are never stopped: an admission pass (given when they were let in and renewed
 * while they use it) or a bearer token (logged-in candidates, operators, partners) is enough, whatever the load.</li>
 * <li>A ticket holder asks the line whether it is their turn; the line, not this request, decides.</li>
 * <li>A newcomer goes straight in only when nobody is waiting and every guarded service has room: otherwise they
 * would overtake the people in the line.</li>
 * </ul>
 */
@DomainModel
public final class AdmissionPolicy {

    public enum Decision {
        /** In a journey already: passes untouched. */
        PASS,
        /** Holds a ticket: the line says whether it is their turn. */
        ASK_THE_LINE,
        /** A new session let in at once: it gets its pass with this answer. */
        ADMIT_NOW,
        /** A new session that takes a ticket at the end of the line. */
        JOIN_THE_LINE
    }

    private AdmissionPolicy() {
    }

    /**
     * @param waiting how many tickets are in the line, as this instance last saw it
     * @param free    requests that may still start before a guarded service is full ({@link Capacities#free})
     */
    public static Decision decide(Visitor visitor, long waiting, int free) {
        if (visitor.hasPass() || visitor.hasBearerToken()) {
            return Decision.PASS;
        }
        if (visitor.ticket().isPresent()) {
            return Decision.ASK_THE_LINE;
        }
        return waiting == 0 && free > 0 ? Decision.ADMIT_NOW : Decision.JOIN_THE_LINE;
    }

    /**
     * How many tickets one instance lets in at one of its turns (every admission interval): its free capacity,
     * never more. Admitted sessions add their load within seconds; the next turn sees it and admits fewer.
     */
    public static int toAdmit(int free) {
        return Math.max(0, free);
    }
}
