package org.baokao.events.enrollment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/** The candidate confirmed; locked fields are final and the fee items are due (ENR-5, PAY-1). */
@EventType(name = "EnrollmentConfirmed", topic = Topics.ENROLLMENT)
public record EnrollmentConfirmed(UUID enrollmentId, UUID candidateId, String examCode, String examLocationCode,
        List<FeeItem> feeItems, Instant confirmedAt) implements DomainEvent {

    /** One line of the fee order, in fen. */
    public record FeeItem(String code, String name, long amountFen) {
    }

    public long totalFen() {
        return feeItems.stream().mapToLong(FeeItem::amountFen).sum();
    }

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }
}
