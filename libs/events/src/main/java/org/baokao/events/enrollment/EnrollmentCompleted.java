package org.baokao.events.enrollment;

import java.time.Instant;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/** Paid (or nothing to pay): the registration is complete. orderId is null when nothing was owed. */
@EventType(name = "EnrollmentCompleted", topic = Topics.ENROLLMENT)
public record EnrollmentCompleted(UUID enrollmentId, UUID candidateId, UUID orderId, Instant completedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }
}
