package org.baokao.events.account;

import java.time.Instant;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/** A candidate created their account; rosterEntryId is null for open registration (Shanghai). The ID number travels only masked and as its keyed hash. */
@EventType(name = "CandidateRegistered", topic = Topics.ACCOUNT)
public record CandidateRegistered(UUID candidateId, UUID rosterEntryId, String examCode, String idType, String idNumberHash,
        String idNumberMasked, Instant registeredAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }
}
