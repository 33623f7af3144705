package org.baokao.payment.order;

import org.baokao.events.Topics;
import org.baokao.events.enrollment.CourseOrderPlaced;
import org.baokao.events.enrollment.EnrollmentConfirmed;
import org.baokao.messaging.deadletter.HeldEvents;
import org.baokao.payment.bureau.BureauRulesChanged;
import org.baokao.payment.bureau.Bureaus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Confirmations (and course orders placed, SST-6) their bureau's rules could not route ({@link OrderNotRoutableException}) wait as dead letters after
 * their retries; once a configuration of the bureau is committed they are replayed and routed by its rules
 * (libs/messaging's {@link HeldEvents}: each once, and the enrollment's order is made at most once).
 */
@Component
class HeldConfirmations {

    private final HeldEvents held;
    private final Bureaus bureaus;

    HeldConfirmations(HeldEvents held, Bureaus bureaus) {
        this.held = held;
        this.bureaus = bureaus;
    }

    /** After the commit, so a replayed confirmation cannot overtake the rules it waited for. */
    @TransactionalEventListener
    void release(BureauRulesChanged changed) {
        held.release(Topics.ENROLLMENT, OrderNotRoutableException.DEAD_LETTER_ERROR, EnrollmentConfirmed.class,
                confirmed -> changed.bureau().equals(bureaus.bureauOf(confirmed.bureau())));
        held.release(Topics.ENROLLMENT, OrderNotRoutableException.DEAD_LETTER_ERROR, CourseOrderPlaced.class,
                placed -> changed.bureau().equals(bureaus.bureauOf(placed.bureau())));
    }
}
