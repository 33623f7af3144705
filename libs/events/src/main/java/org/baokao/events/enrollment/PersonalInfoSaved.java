package org.baokao.events.enrollment;

import java.time.Instant;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/** The personal-information step was saved (ENR-3). */
@EventType(name = "PersonalInfoSaved", topic = Topics.ENROLLMENT)
public record PersonalInfoSaved(UUID enrollmentId, UUID candidateId, Instant savedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }
}
