package org.baokao.events.photo;

import java.time.Instant;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/** The comparison did not match; attempt counts towards manual review (PHO-5). */
@EventType(name = "IdentityVerificationFailed", topic = Topics.PHOTO)
public record IdentityVerificationFailed(UUID checkId, UUID candidateId, UUID photoId, int attempt, String reason,
        Instant failedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }
}
