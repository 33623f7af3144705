package org.baokao.gateway.waitingroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.baokao.gateway.waitingroom.AdmissionPolicy.Decision;
import org.junit.jupiter.api.Test;

// GW-2: candidates inside a journey are never bounced; newcomers never overtake the line
class AdmissionPolicyTest {

    private static final Ticket TICKET = new Ticket(7, Instant.parse("2026-03-01T08:00:00Z"));

    @Test
    void aPassGoesInWhateverTheLoadAndTheLine() {
        Visitor inJourney = new Visitor(true, false, Optional.empty());
        assertThat(AdmissionPolicy.decide(inJourney, 5000, -40)).isEqualTo(Decision.PASS);
    }

    @Test
    void aBearerTokenGoesInWhateverTheLoadAndTheLine() {
        Visitor loggedIn = new Visitor(false, true, Optional.empty());
        assertThat(AdmissionPolicy.decide(loggedIn, 5000, -40)).isEqualTo(Decision.PASS);
    }

    @Test
    void aTicketHolderAsksTheLineEvenWhenThereIsRoom() {
        Visitor holder = new Visitor(false, false, Optional.of(TICKET));
        assertThat(AdmissionPolicy.decide(holder, 0, 10)).isEqualTo(Decision.ASK_THE_LINE);
        assertThat(AdmissionPolicy.decide(holder, 3, 0)).isEqualTo(Decision.ASK_THE_LINE);
    }

    @Test
    void aNewcomerGoesInAtOnceWhenNobodyWaitsAndThereIsRoom() {
        assertThat(AdmissionPolicy.decide(Visitor.newcomer(), 0, 1)).isEqualTo(Decision.ADMIT_NOW);
    }

    @Test
    void aNewcomerJoinsTheLineWhenAServiceIsFull() {
        assertThat(AdmissionPolicy.decide(Visitor.newcomer(), 0, 0)).isEqualTo(Decision.JOIN_THE_LINE);
        assertThat(AdmissionPolicy.decide(Visitor.newcomer(), 0, -3)).isEqualTo(Decision.JOIN_THE_LINE);
    }

    @Test
    void aNewcomerDoesNotOvertakeThePeopleWaitingEvenWhenThereIsRoom() {
        assertThat(AdmissionPolicy.decide(Visitor.newcomer(), 1, 50)).isEqualTo(Decision.JOIN_THE_LINE);
    }

    @Test
    void aTurnAdmitsTheFreeCapacityAndNeverANegativeNumber() {
        assertThat(AdmissionPolicy.toAdmit(3)).isEqualTo(3);
        assertThat(AdmissionPolicy.toAdmit(0)).isZero();
        assertThat(AdmissionPolicy.toAdmit(-5)).isZero();
    }
}
