package org.baokao.events.payment;

import java.time.Instant;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/** An order stayed unpaid for its 30 minutes and was closed at the bank (PAY-5). */
@EventType(name = "OrderExpired", topic = Topics.PAYMENT)
public record OrderExpired(UUID orderId, UUID enrollmentId, UUID candidateId, Instant expiredAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }
}
