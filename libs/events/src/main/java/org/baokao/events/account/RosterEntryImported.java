package org.baokao.events.account;

import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/**
 * An operator imported a roster row, or a re-import changed it (ACC-3); enrollment-service keeps it as its
 * projection. {@code idNumberHash} is the keyed hash (64 hex) services match candidates by; {@code candidateType}
 * is SCHOOL_RECOMMENDED (校荐), THREE_PLUS_TWO (3+2) or VETERAN (退役士兵).
 */
@EventType(name = "RosterEntryImported", topic = Topics.ACCOUNT)
public record RosterEntryImported(UUID rosterEntryId, String examCode, String idType, String idNumberHash,
        String idNumberMasked, String name, String candidateType, String collegeCode, String collegeName,
        String majorCode, String majorName) implements DomainEvent {

    @Override
    public String aggregateId() {
        return rosterEntryId.toString();
    }
}
