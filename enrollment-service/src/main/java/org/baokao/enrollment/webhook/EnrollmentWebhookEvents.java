package org.baokao.enrollment.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

import org.baokao.events.enrollment.EnrollmentCompleted;
import org.baokao.events.enrollment.EnrollmentConfirmed;
import org.baokao.messaging.consumer.EventHandler;
import org.baokao.messaging.consumer.EventMeta;
import org.springframework.stereotype.Component;

/**
 * enrollment-service's own enrollment events, read back from {@code enrollment.events} like any consumer's, for the
 * partners' webhooks (API-2): consuming them keeps the wizard free of webhooks, and the envelope gives each delivery
 * the event's own id and time. enrollment-service has no other consumer of this topic.
 */
@Component
class EnrollmentWebhookEvents {

    static final String CONSUMER = "enrollment-service.webhooks";

    private final WebhookFanOut fanOut;

    EnrollmentWebhookEvents(WebhookFanOut fanOut) {
        this.fanOut = fanOut;
    }

    @EventHandler(CONSUMER)
    void confirmed(EnrollmentConfirmed confirmed, EventMeta meta) {
        Map<String, Object> fields = new LinkedHashMap<>();
        // events from before the fee items (none today) carry no list
        fields.put("feeTotalFen", confirmed.feeItems() == null ? null : confirmed.totalFen());
        fields.put("confirmedAt", confirmed.confirmedAt());
        fanOut.publish(new WebhookEvent(meta.eventId(), WebhookEventType.ENROLLMENT_CONFIRMED, meta.occurredAt(),
                confirmed.candidateId(), confirmed.enrollmentId(), fields));
    }

    @EventHandler(CONSUMER)
    void completed(EnrollmentCompleted completed, EventMeta meta) {
        Map<String, Object> fields = new LinkedHashMap<>();
        // null when nothing was owed
        fields.put("orderId", completed.orderId() == null ? null : completed.orderId().toString());
        fields.put("completedAt", completed.completedAt());
        fanOut.publish(new WebhookEvent(meta.eventId(), WebhookEventType.ENROLLMENT_COMPLETED, meta.occurredAt(),
                completed.candidateId(), completed.enrollmentId(), fields));
    }
}
