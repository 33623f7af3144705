package org.baokao.events.photo;

import java.time.Instant;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/** The public-security comparison matched (PHO-4): 比对通过. */
@EventType(name = "IdentityVerified", topic = Topics.PHOTO)
public record IdentityVerified(UUID checkId, UUID candidateId, UUID photoId, Instant verifiedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }
}
