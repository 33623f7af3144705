package org.baokao.notification.sms;

import org.baokao.events.Topics;
import org.baokao.events.notification.SmsRequested;
import org.baokao.messaging.deadletter.HeldEvents;
import org.baokao.notification.bureau.BureauSmsConfigured;
import org.baokao.notification.bureau.BureauSmsSettings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * SMS requests held because their bureau had no SMS settings yet ({@link BureauNotConfiguredException}) wait as dead
 * letters after their retries; once the bureau's configuration is committed they are replayed (libs/messaging's
 * {@link HeldEvents}: each once, and the inbox and the gateway's idempotency key keep a replayed request from being
 * sent twice).
 */
@Component
class HeldSmsRequests {

    private final HeldEvents held;
    private final BureauSmsSettings bureaus;

    HeldSmsRequests(HeldEvents held, BureauSmsSettings bureaus) {
        this.held = held;
        this.bureaus = bureaus;
    }

    /** After the commit, so a replayed request cannot overtake the settings it waited for. */
    @TransactionalEventListener
    void release(BureauSmsConfigured configured) {
        held.release(Topics.NOTIFICATION_REQUESTS, BureauNotConfiguredException.DEAD_LETTER_ERROR, SmsRequested.class,
                request -> configured.bureau().equals(bureaus.bureauOf(request.bureau())));
    }
}
