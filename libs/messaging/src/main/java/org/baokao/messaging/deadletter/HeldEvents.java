package org.baokao.messaging.deadletter;

import java.util.List;
import java.util.function.Predicate;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events a consumer could not apply yet because something they need had not arrived (a bureau's configuration, say)
 * are held, not failed: the handler throws an exception whose dead-letter error starts with a known marker, the
 * retries run out and the event waits as a dead letter. When what it waited for arrives, the service calls
 * {@link #release} after that commit, so a replayed event cannot overtake what it waited for; each is replayed once
 * (a dead letter is replayed at most once, and the inbox keeps an applied event from being applied twice). Only the
 * oldest {@value #LOOK_AT} open dead letters are looked at; operators replay any others by hand.
 */
public class HeldEvents {

    static final int LOOK_AT = 1000;
    private static final Logger log = LoggerFactory.getLogger(HeldEvents.class);

    private final DeadLetters deadLetters;
    private final TransactionTemplate ownTransaction;

    public HeldEvents(DeadLetters deadLetters, PlatformTransactionManager transactions) {
        this.deadLetters = deadLetters;
        // called after a commit whose transaction is finished but still bound: replays need their own
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Replays the open dead letters of {@code topic} held with {@code heldError} (the start of their error) whose
     * event, read as {@code type}, satisfies {@code heldFor}; returns how many were replayed.
     */
    public <E extends DomainEvent> int release(String topic, String heldError, Class<E> type, Predicate<E> heldFor) {
        List<DeadLetter> held = deadLetters.open(LOOK_AT).stream()
                .filter(letter -> topic.equals(letter.topic()) && letter.error() != null
                        && letter.error().startsWith(heldError))
                .filter(letter -> reads(letter, type, heldFor))
                .toList();
        int replayed = 0;
        for (DeadLetter letter : held) {
            try {
                if (Boolean.TRUE.equals(ownTransaction.execute(status -> deadLetters.replay(letter.id())))) {
                    replayed++;
                }
            } catch (RuntimeException e) {
                // it stays an open dead letter for operators; the others are still worth trying
                log.warn("Held {} (dead letter {}) not replayed: {}", type.getSimpleName(), letter.id(), e.toString());
            }
        }
        if (!held.isEmpty()) {
            log.info("{} of {} held {} events replayed", replayed, held.size(), type.getSimpleName());
        }
        return replayed;
    }

    private static <E extends DomainEvent> boolean reads(DeadLetter letter, Class<E> type, Predicate<E> heldFor) {
        try {
            return heldFor.test(EventCodec.payload(EventCodec.read(letter.payload()), type));
        } catch (RuntimeException unreadable) {
            return false; // not an event of this type this build reads: it was not held for this
        }
    }
}
