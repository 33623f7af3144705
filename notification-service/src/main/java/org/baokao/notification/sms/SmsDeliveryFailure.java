package org.baokao.notification.sms;

/**
 * Why an SMS was not sent. The message ends up in logs, the delivery log and the operators' dead letters, so it
 * names codes, template names and parameter names only: never the phone number, the content or a parameter value.
 */
public abstract sealed class SmsDeliveryFailure extends RuntimeException
        permits SmsRejectedException, SmsProviderUnavailableException, BureauNotConfiguredException {

    private final String reason;

    SmsDeliveryFailure(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** A stable code, e.g. {@code TEMPLATE_UNKNOWN} or {@code PROVIDER_UNAVAILABLE}. */
    public String reason() {
        return reason;
    }

    /** Whether a later attempt may succeed. */
    public abstract boolean retryable();
}
