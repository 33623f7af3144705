package org.baokao.events;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * One topic per producing service (and one shared: {@link #OPERATOR_ACTIONS}), each with its dead-letter topic;
 * {@link #all()} says how each is made.
 */
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

    /** Partitions of every topic: keyed ordering is real, and up to 3 instances of a consumer share the load. */
    static final int PARTITIONS = 3;
    /**
     * Events: a week, as long as the outbox keeps sent rows (baokao.messaging.relay.retention), so a consumer
     * that was away for days still finds what it missed.
     */
    static final Duration EVENT_RETENTION = Duration.ofDays(7);
    static final Duration EVENT_SEGMENT = Duration.ofDays(1);
    /**
     * Topics carrying phone numbers and SMS codes ({@link #isSensitive}): hours, not the broker's week. A code is
     * valid for minutes; 6 h leaves time for notification-service to be down and catch up. With 1 h segments a
     * record is gone at most 7 h after it was written.
     */
    static final Duration SENSITIVE_RETENTION = Duration.ofHours(6);
    static final Duration SENSITIVE_SEGMENT = Duration.ofHours(1);

    private static final List<String> EVENT_TOPICS = List.of(ACCOUNT, NOTIFICATION_REQUESTS, ENROLLMENT, PHOTO,
            PAYMENT, OPERATOR_ACTIONS);

    private Topics() {
    }

    /**
     * Every topic of the platform, dead-letter topics included, as the services create them (issue 23 §4). A dead
     * letter carries its event, so it is kept as long as its topic's events.
     */
    public static List<TopicSettings> all() {
        return EVENT_TOPICS.stream()
                .flatMap(topic -> Stream.of(settings(topic, topic), settings(deadLetter(topic), topic)))
                .toList();
    }

    private static TopicSettings settings(String name, String eventTopic) {
        return isSensitive(eventTopic)
                ? new TopicSettings(name, PARTITIONS, SENSITIVE_RETENTION, SENSITIVE_SEGMENT)
                : new TopicSettings(name, PARTITIONS, EVENT_RETENTION, EVENT_SEGMENT);
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
