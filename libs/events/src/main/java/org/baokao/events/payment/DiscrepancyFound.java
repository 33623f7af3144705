package org.baokao.events.payment;

import java.time.LocalDate;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/** Reconciliation found the bank and the platform disagree (PAY-6). orderId is null when the bank names no known order. */
@EventType(name = "DiscrepancyFound", topic = Topics.PAYMENT)
public record DiscrepancyFound(UUID discrepancyId, String channel, String kind, UUID orderId, String bankTradeNo,
        long bankAmountFen, Long orderAmountFen, LocalDate statementDate) implements DomainEvent {

    @Override
    public String aggregateId() {
        return discrepancyId.toString();
    }
}
