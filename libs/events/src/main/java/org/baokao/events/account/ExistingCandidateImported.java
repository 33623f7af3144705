package org.baokao.events.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/**
 * An operator imported an existing candidate (在籍考生, ACC-9, SST-3, Shanghai 自考) into bureau {@code bureau}: their
 * account was made ({@code accountCreated}), or an account of the bureau got examining universities (主考学校) and
 * majors it did not hold yet (or its first phone, e-mail or 准考证号). enrollment-service keeps the registrations (ENR-8:
 * the candidate's universities, across which course selection will run). {@code held} is <em>every</em> 主考学校 +
 * 专业 the account holds now, in the order they were first imported (an import never takes one away), so a consumer
 * may add what it does not hold yet or replace what it kept. A re-import that changes nothing publishes nothing.
 *
 * <p>Like {@link RosterEntryImported}, the name travels sealed ({@code sealedName}, under the shared event keys,
 * issue 23 §5) and {@code name} is null; events written before carry it in clear in {@code name} (read
 * {@code sealer.openOrClear(sealedName, name)}). {@link #toString()} leaves both out. The ID number only masked and
 * as its keyed hash ({@code idNumberHash}, the one services match candidates by), the phone only masked. Events of
 * the first shape (six fields) read the others as null.
 *
 * @param candidateId     the account's id (the token's subject)
 * @param examCode        the bureau's registration exam (sitting) when the account was made
 * @param admissionNumber the candidate's 准考证号 at the bureau (another name they log in with); null if none
 * @param held            the examining universities (主考学校) and the one major held at each, at least one
 * @param importedAt      when the import wrote this candidate
 * @param idType          the ID type's code, e.g. {@code RESIDENT_ID}
 * @param gender          {@code MALE}/{@code FEMALE} from the ID number, null for documents that carry none
 * @param birthDate       from the ID number, null for documents that carry none
 * @param phoneMasked     the phone on file, masked; null: none (the first login binds one)
 * @param accountCreated  true when this import made the account, false when it added to an existing one
 * @param importId        the operator's import job that wrote it
 * @param sealedName      the name sealed under the event keys ({@code <keyId>:<base64>}); null in older events
 */
@EventType(name = "ExistingCandidateImported", topic = Topics.ACCOUNT)
public record ExistingCandidateImported(UUID candidateId, String bureau, String examCode, String admissionNumber,
        List<Held> held, Instant importedAt, String idType, String idNumberHash, String idNumberMasked, String name,
        String gender, LocalDate birthDate, String phoneMasked, Boolean accountCreated, UUID importId,
        String sealedName) implements DomainEvent {

    public ExistingCandidateImported {
        held = held == null ? List.of() : List.copyOf(held);
    }

    /** The first shape of the event: the account, its 准考证号 and what it holds. */
    public ExistingCandidateImported(UUID candidateId, String bureau, String examCode, String admissionNumber,
            List<Held> held, Instant importedAt) {
        this(candidateId, bureau, examCode, admissionNumber, held, importedAt, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** The second shape (before issue 23 §5), with the name in clear: how older records read. */
    public ExistingCandidateImported(UUID candidateId, String bureau, String examCode, String admissionNumber,
            List<Held> held, Instant importedAt, String idType, String idNumberHash, String idNumberMasked, String name,
            String gender, LocalDate birthDate, String phoneMasked, Boolean accountCreated, UUID importId) {
        this(candidateId, bureau, examCode, admissionNumber, held, importedAt, idType, idNumberHash, idNumberMasked,
                name, gender, birthDate, phoneMasked, accountCreated, importId, null);
    }

    /** One 主考学校 and the major the candidate holds there. */
    public record Held(String universityCode, String majorCode) {
    }

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }

    /** Without the name: what a log line of the event shows. */
    @Override
    public String toString() {
        return "ExistingCandidateImported[candidateId=" + candidateId + ", bureau=" + bureau + ", held=" + held
                + ", accountCreated=" + accountCreated + "]";
    }
}
