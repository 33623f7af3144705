package org.baokao.payment.order;

import java.util.List;

import org.baokao.events.EventCodec;
import org.baokao.events.Topics;
import org.baokao.events.enrollment.EnrollmentConfirmed;
import org.baokao.messaging.deadletter.DeadLetter;
import org.baokao.messaging.deadletter.DeadLetters;
import org.baokao.payment.bureau.BureauRulesChanged;
import org.baokao.payment.bureau.Bureaus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Confirmations their bureau's rules could not route ({@link OrderNotRoutableException}) wait as dead letters after
 * their retries. Once a configuration of the bureau is committed, they are replayed and routed by its rules (each
 * once: a dead letter is replayed at most once, and the enrollment's order is made at most once). Looks at the
 * oldest 1000 open dead letters of the service; operators replay any others.
 */
@Component
class HeldConfirmations {

    private static final Logger log = LoggerFactory.getLogger(HeldConfirmations.class);
    private static final int LOOK_AT = 1000;

    private final DeadLetters deadLetters;
    private final Bureaus bureaus;
    private final TransactionTemplate ownTransaction;

    HeldConfirmations(DeadLetters deadLetters, Bureaus bureaus, PlatformTransactionManager transactions) {
        this.deadLetters = deadLetters;
        this.bureaus = bureaus;
        // after the configuration's commit its transaction is finished but still bound: replays need their own
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** After the commit, so a replayed confirmation cannot overtake the rules it waited for. */
    @TransactionalEventListener
    void release(BureauRulesChanged changed) {
        List<DeadLetter> held = deadLetters.open(LOOK_AT).stream()
                .filter(letter -> isHeldFor(letter, changed.bureau())).toList();
        int replayed = 0;
        for (DeadLetter letter : held) {
            try {
                if (Boolean.TRUE.equals(ownTransaction.execute(status -> deadLetters.replay(letter.id())))) {
                    replayed++;
                }
            } catch (RuntimeException e) {
                // it stays an open dead letter for operators; the others are still worth trying
                log.warn("Held confirmation (dead letter {}) of bureau {} not replayed: {}", letter.id(),
                        changed.bureau(), e.toString());
            }
        }
        if (!held.isEmpty()) {
            log.info("Bureau {} configured: {} of {} held confirmations replayed", changed.bureau(), replayed,
                    held.size());
        }
    }

    private boolean isHeldFor(DeadLetter letter, String bureau) {
        if (!Topics.ENROLLMENT.equals(letter.topic()) || letter.error() == null
                || !letter.error().startsWith(OrderNotRoutableException.DEAD_LETTER_ERROR)) {
            return false;
        }
        try {
            EnrollmentConfirmed confirmed = EventCodec.payload(EventCodec.read(letter.payload()),
                    EnrollmentConfirmed.class);
            return bureau.equals(bureaus.bureauOf(confirmed.bureau()));
        } catch (RuntimeException unreadable) {
            return false; // not a confirmation this build reads; it was not held for a bureau
        }
    }
}
