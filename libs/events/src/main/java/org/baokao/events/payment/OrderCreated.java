package org.baokao.events.payment;

import java.time.Instant;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/** A fee order was opened for a confirmed enrollment (PAY-1). */
@EventType(name = "OrderCreated", topic = Topics.PAYMENT)
public record OrderCreated(UUID orderId, UUID enrollmentId, UUID candidateId, long amountFen, String channel,
        Instant expiresAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }
}
