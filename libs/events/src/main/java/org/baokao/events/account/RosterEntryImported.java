package org.baokao.events.account;

import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/**
 * An operator imported a roster row, or a re-import changed it (ACC-3); enrollment-service keeps it as its
 * projection. {@code idNumberHash} is the keyed hash (64 hex) services match candidates by; {@code candidateType}
 * is SCHOOL_RECOMMENDED (校荐), THREE_PLUS_TWO (3+2) or VETERAN (退役士兵).
 *
 * <p>Issue 23 §5: the name travels sealed ({@code sealedName}, {@code <keyId>:<base64>} under the shared event keys,
 * libs/personal-data {@code EventSealer}), never in clear; {@code name} is null in every event written since. Events
 * written before still carry {@code name} in clear and no {@code sealedName}: a consumer reads
 * {@code sealer.openOrClear(sealedName, name)}. {@link #toString()} shows neither.
 */
@EventType(name = "RosterEntryImported", topic = Topics.ACCOUNT)
public record RosterEntryImported(UUID rosterEntryId, String examCode, String idType, String idNumberHash,
        String idNumberMasked, String name, String candidateType, String collegeCode, String collegeName,
        String majorCode, String majorName, String sealedName) implements DomainEvent {

    /** The shape of events from before issue 23 §5, with the name in clear: how older records read. */
    public RosterEntryImported(UUID rosterEntryId, String examCode, String idType, String idNumberHash,
            String idNumberMasked, String name, String candidateType, String collegeCode, String collegeName,
            String majorCode, String majorName) {
        this(rosterEntryId, examCode, idType, idNumberHash, idNumberMasked, name, candidateType, collegeCode,
                collegeName, majorCode, majorName, null);
    }

    /** A row as published now: the name only sealed. */
    public static RosterEntryImported sealed(UUID rosterEntryId, String examCode, String idType, String idNumberHash,
            String idNumberMasked, String sealedName, String candidateType, String collegeCode, String collegeName,
            String majorCode, String majorName) {
        return new RosterEntryImported(rosterEntryId, examCode, idType, idNumberHash, idNumberMasked, null,
                candidateType, collegeCode, collegeName, majorCode, majorName, sealedName);
    }

    @Override
    public String aggregateId() {
        return rosterEntryId.toString();
    }

    /** Without the name, sealed or not: what a log line of the event shows. */
    @Override
    public String toString() {
        return "RosterEntryImported[rosterEntryId=" + rosterEntryId + ", examCode=" + examCode + ", candidateType="
                + candidateType + ", collegeCode=" + collegeCode + ", majorCode=" + majorCode + "]";
    }
}
