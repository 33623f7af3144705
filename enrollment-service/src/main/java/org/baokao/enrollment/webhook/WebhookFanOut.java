package org.baokao.enrollment.webhook;

import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.baokao.events.payment.PaymentRefunded;
import org.baokao.events.payment.PaymentSucceeded;
import org.baokao.messaging.consumer.EventMeta;
import org.baokao.personaldata.PersonalDataProtector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a platform event into one PENDING delivery per subscription of the event's bureau that wants its type
 * (API-2), in the transaction that applies the event (the consumer's inbox transaction): the deliveries exist if and
 * only if the event was applied, once per event and subscription whatever Kafka redelivers. The worker is woken
 * after the commit. enrollment-service's own events arrive through {@link EnrollmentWebhookEvents}; payment-service's
 * through the wizard's payment consumer (a service reads a topic through one consumer), which calls
 * {@link #paymentSucceeded} and {@link #paymentRefunded}.
 */
@Service
public class WebhookFanOut {

    private static final Logger log = LoggerFactory.getLogger(WebhookFanOut.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SubscriptionStore subscriptions;
    private final DeliveryStore deliveries;
    private final EventSubjects subjects;
    private final PersonalDataProtector sealer;
    private final DeliveryWorker worker;
    private final Clock clock;

    WebhookFanOut(SubscriptionStore subscriptions, DeliveryStore deliveries, EventSubjects subjects,
            PersonalDataProtector sealer, DeliveryWorker worker, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.subjects = subjects;
        this.sealer = sealer;
        this.worker = worker;
        this.clock = clock;
    }

    public void paymentSucceeded(PaymentSucceeded paid, EventMeta meta) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("orderId", paid.orderId().toString());
        fields.put("amountFen", paid.amountFen());
        fields.put("paidAt", paid.paidAt() != null ? paid.paidAt() : meta.occurredAt());
        publish(new WebhookEvent(meta.eventId(), WebhookEventType.PAYMENT_SUCCEEDED, meta.occurredAt(),
                paid.candidateId(), paid.enrollmentId(), fields));
    }

    public void paymentRefunded(PaymentRefunded refunded, EventMeta meta) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("refundId", refunded.refundId().toString());
        fields.put("orderId", refunded.orderId().toString());
        fields.put("amountFen", refunded.amountFen());
        // a code such as ORDER_LAPSED, never a person's words
        fields.put("reason", refunded.reason());
        fields.put("refundedAt", refunded.refundedAt() != null ? refunded.refundedAt() : meta.occurredAt());
        publish(new WebhookEvent(meta.eventId(), WebhookEventType.PAYMENT_REFUNDED, meta.occurredAt(),
                refunded.candidateId(), refunded.enrollmentId(), fields));
    }

    /** Writes the event's deliveries; nothing when no subscription wants it or its subject is not this service's. */
    void publish(WebhookEvent event) {
        var subject = subjects.of(event.subjectId(), event.candidateId());
        if (subject.isEmpty()) {
            log.debug("{} {} is about {}, which is neither an enrollment nor a course order here: no webhook",
                    event.type().wireName(), event.eventId(), event.subjectId());
            return;
        }
        List<SubscriptionStore.Match> wanting = subscriptions.wanting(subject.get().bureau(), event.type());
        if (wanting.isEmpty()) {
            return;
        }
        Map<String, String> bodyByPartner = new HashMap<>();
        int written = 0;
        for (SubscriptionStore.Match match : wanting) {
            String body = bodyByPartner.computeIfAbsent(match.clientId(),
                    client -> JSON.writeValueAsString(WebhookPayloads.body(event, subject.get(),
                            CandidateReferences.of(candidateKey(client), event.candidateId()))));
            if (deliveries.insert(new DeliveryStore.NewDelivery(UUID.randomUUID(), match.subscriptionId(),
                    match.clientId(), subject.get().bureau(), event.eventId(), event.type().wireName(),
                    event.candidateId(), body, clock.instant()))) {
                written++;
            }
        }
        if (written > 0) {
            wakeWorkerAfterCommit();
        }
    }

    private byte[] candidateKey(String clientId) {
        // every subscribed partner has one: it is made with the partner's first subscription
        return Base64.getDecoder().decode(sealer.open(subscriptions.candidateKey(clientId).orElseThrow()));
    }

    private void wakeWorkerAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.wake();
                }
            });
        } else {
            worker.wake();
        }
    }
}
