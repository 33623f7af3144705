package org.baokao.events.account;

import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/** An operator imported (or re-imported) a roster row (ACC-3); enrollment-service keeps it as its projection. */
@EventType(name = "RosterEntryImported", topic = Topics.ACCOUNT)
public record RosterEntryImported(UUID rosterEntryId, String examCode, String idType, String idNumberHash,
        String idNumberMasked, String name, String candidateType, String collegeCode, String collegeName,
        String majorCode, String majorName) implements DomainEvent {

    @Override
    public String aggregateId() {
        return rosterEntryId.toString();
    }
}
