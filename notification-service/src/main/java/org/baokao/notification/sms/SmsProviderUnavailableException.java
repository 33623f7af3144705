package org.baokao.notification.sms;

/** The gateway could not take the SMS now (down, slow, busy, breaker open): retried, then dead-lettered (NOT-2). */
public final class SmsProviderUnavailableException extends SmsDeliveryFailure {

    SmsProviderUnavailableException(String reason, String message) {
        super(reason, message);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
