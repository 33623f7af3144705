package org.baokao.events.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/**
 * An operator imported an existing candidate (在籍考生, ACC-9, Shanghai 自考) into bureau {@code bureau}: their account
 * exists now (or was updated by a re-import), with the 准考证号 they already have and each 主考学校 + 专业 they hold.
 * enrollment-service keeps those registrations (ENR-8: the candidate's universities, across which course selection
 * will run). A re-import publishes the candidate again, whole; the consumer adds what it does not hold yet.
 *
 * @param candidateId     the account's id (the token's subject)
 * @param examCode        the bureau's registration exam (sitting) at the time of the import
 * @param admissionNumber the candidate's 准考证号, null when the file had none
 * @param held            the examining universities (主考学校) and the one major held at each, at least one
 * @param importedAt      when the import wrote this candidate
 */
@EventType(name = "ExistingCandidateImported", topic = Topics.ACCOUNT)
public record ExistingCandidateImported(UUID candidateId, String bureau, String examCode, String admissionNumber,
        List<Held> held, Instant importedAt) implements DomainEvent {

    public ExistingCandidateImported {
        held = held == null ? List.of() : List.copyOf(held);
    }

    /** One 主考学校 and the major the candidate holds there. */
    public record Held(String universityCode, String majorCode) {
    }

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }
}
