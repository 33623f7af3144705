package org.baokao.notification.sms;

import java.util.List;

import org.baokao.events.EventCodec;
import org.baokao.events.Topics;
import org.baokao.events.notification.SmsRequested;
import org.baokao.messaging.deadletter.DeadLetter;
import org.baokao.messaging.deadletter.DeadLetters;
import org.baokao.notification.bureau.BureauSmsConfigured;
import org.baokao.notification.bureau.BureauSmsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SMS requests held because their bureau had no SMS settings yet ({@link BureauNotConfiguredException}) wait as dead
 * letters after their retries. Once the bureau's configuration is committed, they are replayed (each once: a dead
 * letter is replayed at most once, and the inbox and the gateway's idempotency key keep a replayed request from
 * being sent twice). Looks at the oldest 1000 open dead letters of the service; operators replay any others.
 */
@Component
class HeldSmsRequests {

    private static final Logger log = LoggerFactory.getLogger(HeldSmsRequests.class);
    private static final int LOOK_AT = 1000;

    private final DeadLetters deadLetters;
    private final BureauSmsSettings bureaus;
    private final TransactionTemplate ownTransaction;

    HeldSmsRequests(DeadLetters deadLetters, BureauSmsSettings bureaus, PlatformTransactionManager transactions) {
        this.deadLetters = deadLetters;
        this.bureaus = bureaus;
        // after the configuration's commit its transaction is finished but still bound: replays need their own
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** After the commit, so a replayed request cannot overtake the settings it waited for. */
    @TransactionalEventListener
    void release(BureauSmsConfigured configured) {
        List<DeadLetter> held = deadLetters.open(LOOK_AT).stream()
                .filter(letter -> isHeldFor(letter, configured.bureau())).toList();
        int replayed = 0;
        for (DeadLetter letter : held) {
            try {
                if (Boolean.TRUE.equals(ownTransaction.execute(status -> deadLetters.replay(letter.id())))) {
                    replayed++;
                }
            } catch (RuntimeException e) {
                // it stays an open dead letter for operators; the others are still worth trying
                log.warn("Held SMS request (dead letter {}) of bureau {} not replayed: {}", letter.id(),
                        configured.bureau(), e.toString());
            }
        }
        if (!held.isEmpty()) {
            log.info("Bureau {} configured: {} of {} held SMS requests replayed", configured.bureau(), replayed,
                    held.size());
        }
    }

    private boolean isHeldFor(DeadLetter letter, String bureau) {
        if (!Topics.NOTIFICATION_REQUESTS.equals(letter.topic()) || letter.error() == null
                || !letter.error().startsWith(BureauNotConfiguredException.DEAD_LETTER_ERROR)) {
            return false;
        }
        try {
            SmsRequested request = EventCodec.payload(EventCodec.read(letter.payload()), SmsRequested.class);
            return bureau.equals(bureaus.bureauOf(request.bureau()));
        } catch (RuntimeException unreadable) {
            return false; // not a request this build reads; it was not held for a bureau
        }
    }
}
