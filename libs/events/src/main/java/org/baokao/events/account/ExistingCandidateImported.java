package org.baokao.events.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/**
 * An operator's 在籍考生 import (ACC-9, SST-3) made an account for an existing candidate of a bureau
 * ({@code accountCreated}), or gave an account examining universities (主考学校) and majors it did not hold yet. The
 * account holds one university + major per row of the candidate's in the files imported so far; {@code universities}
 * is <em>every</em> one the account holds now, in the order they were first imported, so a consumer replaces what it
 * kept (an import never takes one away). An import that changes nothing publishes nothing.
 *
 * <p>Like {@link RosterEntryImported}, the name travels in clear (enrollment-service shows it, never logs it:
 * {@link #toString()} masks it); the ID number only masked and as its keyed hash ({@code idNumberHash}, the one
 * services match candidates by), the phone only masked (null: none on file). Gender ({@code MALE}/{@code FEMALE}) and
 * birth date come from the ID number (null for documents that carry neither). {@code admissionNumber} is the
 * candidate's 准考证号 at the bureau, another name they log in with. {@code examCode} is the bureau's registration
 * exam (its current sitting) when the account was made.
 */
@EventType(name = "ExistingCandidateImported", topic = Topics.ACCOUNT)
public record ExistingCandidateImported(UUID candidateId, String bureau, String examCode, String idType,
        String idNumberHash, String idNumberMasked, String name, String gender, LocalDate birthDate,
        String admissionNumber, String phoneMasked, List<University> universities, boolean accountCreated,
        UUID importId, Instant importedAt) implements DomainEvent {

    /** One examining university (主考学校) of the bureau and one of its majors, by code. */
    public record University(String universityCode, String majorCode) {
    }

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }

    /** Without the name: what a log line of the event shows. */
    @Override
    public String toString() {
        return "ExistingCandidateImported[candidateId=" + candidateId + ", bureau=" + bureau + ", universities="
                + universities + ", accountCreated=" + accountCreated + "]";
    }
}
