package org.baokao.notification.mail;

/**
 * The mail server could not take the mail now (down, slow, a temporary 4xx reply, breaker open): retried with
 * backoff, then dead-lettered for operators to replay (NOT-2).
 */
public final class MailServerUnavailableException extends MailDeliveryFailure {

    MailServerUnavailableException(String reason, String message) {
        super(reason, message);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
