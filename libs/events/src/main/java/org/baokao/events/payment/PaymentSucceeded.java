package org.baokao.events.payment;

import java.time.Instant;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/**
 * The bank confirmed payment of an order (PAY-4, PAY-5).
 *
 * @param examName the exam's name (for the candidate's SMS), null in events older than issue 7
 */
@EventType(name = "PaymentSucceeded", topic = Topics.PAYMENT)
public record PaymentSucceeded(UUID orderId, UUID enrollmentId, UUID candidateId, long amountFen, String channel,
        String bankTradeNo, Instant paidAt, String examName) implements DomainEvent {

    /** The event as it was before the exam name was added. */
    public PaymentSucceeded(UUID orderId, UUID enrollmentId, UUID candidateId, long amountFen, String channel,
            String bankTradeNo, Instant paidAt) {
        this(orderId, enrollmentId, candidateId, amountFen, channel, bankTradeNo, paidAt, null);
    }

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }
}
