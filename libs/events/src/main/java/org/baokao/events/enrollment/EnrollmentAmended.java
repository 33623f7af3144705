package org.baokao.events.enrollment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/** A completed enrollment's editable fields were changed (ENR-7). */
@EventType(name = "EnrollmentAmended", topic = Topics.ENROLLMENT)
public record EnrollmentAmended(UUID enrollmentId, UUID candidateId, List<String> fields, Instant amendedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }
}
