package org.baokao.events;

/** One topic per producing service. */
public final class Topics {

    public static final String ACCOUNT = "account.events";
    /** Carries verification codes: short retention, never logged. */
    public static final String NOTIFICATION_REQUESTS = "notification.requests";
    public static final String ENROLLMENT = "enrollment.events";
    public static final String PHOTO = "photo.events";
    public static final String PAYMENT = "payment.events";

    private Topics() {
    }

    /** Topics whose events carry secrets: short retention everywhere, and never kept in an outbox once sent. */
    public static boolean isSensitive(String topic) {
        return NOTIFICATION_REQUESTS.equals(topic);
    }

    /** Where a consumer parks the events it could not apply after its retries. */
    public static String deadLetter(String topic) {
        return topic + ".DLT";
    }
}
