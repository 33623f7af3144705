package org.baokao.sandbox.bank;

import org.springframework.stereotype.Component;

/**
 * How the sandbox banks misbehave right now, changed at runtime through {@link BankBehaviourController}: real banks
 * send a notification more than once, late, or not at all, and the platform must cope with each.
 */
@Component
class BankBehaviour {

    private volatile Settings current = Settings.PUNCTUAL;

    Settings current() {
        return current;
    }

    void change(Settings settings) {
        current = settings;
    }

    /**
     * @param duplicates     extra copies of every notification, sent at the same time as it
     * @param notifyDelayMs  how long after the payment the first notification goes out (a late notification)
     * @param dropNotifications never send notifications (the merchant must query or reconcile to learn of payments)
     */
    record Settings(int duplicates, long notifyDelayMs, boolean dropNotifications) {

        static final Settings PUNCTUAL = new Settings(0, 0, false);
        static final int MAX_DUPLICATES = 50;
        static final long MAX_DELAY_MS = 3_600_000;

        boolean valid() {
            return duplicates >= 0 && duplicates <= MAX_DUPLICATES && notifyDelayMs >= 0 && notifyDelayMs <= MAX_DELAY_MS;
        }
    }
}
