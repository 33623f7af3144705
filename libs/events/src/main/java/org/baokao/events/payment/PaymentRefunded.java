package org.baokao.events.payment;

import java.time.Instant;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/** Money went back to the candidate, e.g. a payment on an expired or already-paid order (PAY-5). */
@EventType(name = "PaymentRefunded", topic = Topics.PAYMENT)
public record PaymentRefunded(UUID refundId, UUID orderId, UUID enrollmentId, UUID candidateId, long amountFen,
        String reason, Instant refundedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }
}
