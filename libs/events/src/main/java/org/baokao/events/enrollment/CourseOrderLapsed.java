package org.baokao.events.enrollment;

import java.time.Instant;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/**
 * A course order was still unpaid when the sitting's registration window closed (SST-6: 课程报考视为无效). payment-service
 * closes its fee order (at the bank first, as at expiry); a payment reported after this is refunded.
 */
@EventType(name = "CourseOrderLapsed", topic = Topics.ENROLLMENT)
public record CourseOrderLapsed(UUID courseOrderId, UUID candidateId, String bureau, String examCode,
        Instant lapsedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }
}
