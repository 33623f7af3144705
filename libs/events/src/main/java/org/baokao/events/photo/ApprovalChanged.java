package org.baokao.events.photo;

import java.time.Instant;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/**
 * The approval of a new candidate of an open registration (Shanghai 新考生, SST-2, ENR-10, PHO-5) changed: one event
 * per change, the first when photo-service learns of the registration. {@code status} is one of
 * {@code PHOTO_REQUIRED}, {@code CHECKING}, {@code APPROVED}, {@code PROOFS_REQUIRED}, {@code IN_REVIEW},
 * {@code REJECTED}; {@code reason} is the Chinese reason of a rejection, or why proofs are needed, else null.
 * Keyed by the candidate, so a consumer's latest is the candidate's state: a candidate may pay only once it is
 * {@code APPROVED}. Roster registrations (Shandong) have no approval and never get this event.
 */
@EventType(name = "ApprovalChanged", topic = Topics.PHOTO)
public record ApprovalChanged(UUID candidateId, String bureau, String universityCode, String status, String reason,
        Instant changedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }
}
