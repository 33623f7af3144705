package org.baokao.notification.mail;

/**
 * Why a mail was not sent. The message ends up in logs, the delivery log and the operators' dead letters, so it
 * names codes, template and parameter names and SMTP reply codes only: never the address, the text or a parameter
 * value (a mail server's reply text may echo the address, so it is never copied).
 */
public abstract sealed class MailDeliveryFailure extends RuntimeException
        permits MailRejectedException, MailServerUnavailableException {

    private final String reason;

    MailDeliveryFailure(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** A stable code, e.g. {@code TEMPLATE_UNKNOWN} or {@code SMTP_UNREACHABLE}. */
    public String reason() {
        return reason;
    }

    /** Whether a later attempt may succeed. */
    public abstract boolean retryable();
}
