package org.baokao.notification.sms;

/**
 * The request's bureau has no SMS settings here yet (its {@code BureauConfigured} has not arrived, or carries no
 * signature): sent now it would carry no signature or another bureau's. Held instead: retried with the messaging
 * error handler's backoff, then parked as a dead letter, which {@link HeldSmsRequests} replays as soon as the
 * bureau's configuration arrives (operators may replay it too). Never sent wrongly, never dropped.
 */
public final class BureauNotConfiguredException extends SmsDeliveryFailure {

    /** What the dead letter's error starts with, so the held requests can be told from other failures. */
    static final String DEAD_LETTER_ERROR = BureauNotConfiguredException.class.getSimpleName() + ": ";

    BureauNotConfiguredException(String bureau) {
        super("BUREAU_NOT_CONFIGURED", "考试院 " + bureau + " 的短信签名尚未配置到达，短信暂缓发送");
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
