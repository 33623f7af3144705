package org.baokao.events;

/** One topic per producing service (and one shared: {@link #OPERATOR_ACTIONS}). */
public final class Topics {

    public static final String ACCOUNT = "account.events";
    /** Carries verification codes: short retention, never logged. */
    public static final String NOTIFICATION_REQUESTS = "notification.requests";
    public static final String ENROLLMENT = "enrollment.events";
    public static final String PHOTO = "photo.events";
    public static final String PAYMENT = "payment.events";
    /**
     * The one topic every service writes to: operators' actions (OPS-3), whichever service they acted through, for
     * the audit trail account-service keeps. The exception to "one topic per producing service", because its one
     * reader wants them all and no service owns an operator.
     */
    public static final String OPERATOR_ACTIONS = "operator.actions";

    private Topics() {
    }

    /** Topics whose events carry secrets: short retention everywhere, and never kept in an outbox once sent. */
    public static boolean isSensitive(String topic) {
        return NOTIFICATION_REQUESTS.equals(topic);
    }

    /**
     * Topics whose events someone is waiting for: a candidate at the form needs the SMS code now (ACC-6), not
     * after the 200,000 events of a roster import. The outbox relay publishes them before other topics' backlog,
     * which is safe because Kafka orders only within a topic's partition and no consumer reads across topics.
     * Urgency is per topic, never per event, so a topic's rows still leave in commit order. Keep them
     * low-volume: they go first in every batch. The outbox stores the answer per row (column {@code urgent});
     * changing this list needs a messaging migration that re-flags the unsent rows of the topics it moves.
     */
    public static boolean isUrgent(String topic) {
        return NOTIFICATION_REQUESTS.equals(topic);
    }

    /** Where a consumer parks the events it could not apply after its retries. */
    public static String deadLetter(String topic) {
        return topic + ".DLT";
    }
}
