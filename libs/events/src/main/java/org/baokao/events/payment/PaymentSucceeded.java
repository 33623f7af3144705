package org.baokao.events.payment;

import java.time.Instant;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/** The bank confirmed payment of an order (PAY-4, PAY-5). */
@EventType(name = "PaymentSucceeded", topic = Topics.PAYMENT)
public record PaymentSucceeded(UUID orderId, UUID enrollmentId, UUID candidateId, long amountFen, String channel,
        String bankTradeNo, Instant paidAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }
}
