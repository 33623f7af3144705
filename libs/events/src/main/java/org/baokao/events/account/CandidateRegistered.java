package org.baokao.events.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/**
 * A candidate created their account; rosterEntryId is null for open registration (Shanghai). The ID number travels
 * only masked and as its keyed hash, the phone only masked. Gender ({@code MALE}/{@code FEMALE}) and birth date are
 * derived from the ID number (ACC-2) and null for documents that carry neither; events written before these three
 * fields existed read them as null. An open registration (Shanghai) names the examining university and major the
 * candidate chose ({@code universityCode}, {@code majorCode}); both are null for a roster registration. {@code bureau}
 * is the bureau (考试院) of the account (BUR-1), null in events from before bureaus (the default bureau).
 * {@code specialMajor} says the chosen major is a 特殊专业 (the catalogue's {@code special}, e.g. 中药学, 护理学), whose new
 * candidates are reviewed by hand with proofs (ENR-10, SST-2); false for a roster registration and in events from
 * before the flag. A {@code Boolean} never null, like {@code ExamConfigured.Major.special}: a missing {@code boolean}
 * would fail to read (FAIL_ON_NULL_FOR_PRIMITIVES).
 */
@EventType(name = "CandidateRegistered", topic = Topics.ACCOUNT)
public record CandidateRegistered(UUID candidateId, UUID rosterEntryId, String examCode, String idType, String idNumberHash,
        String idNumberMasked, Instant registeredAt, String phoneMasked, String gender, LocalDate birthDate,
        String universityCode, String majorCode, String bureau, Boolean specialMajor)
        implements DomainEvent {

    public CandidateRegistered {
        specialMajor = Boolean.TRUE.equals(specialMajor);
    }

    /** A registration from before the special-major flag: not a special major. */
    public CandidateRegistered(UUID candidateId, UUID rosterEntryId, String examCode, String idType,
            String idNumberHash, String idNumberMasked, Instant registeredAt, String phoneMasked, String gender,
            LocalDate birthDate, String universityCode, String majorCode, String bureau) {
        this(candidateId, rosterEntryId, examCode, idType, idNumberHash, idNumberMasked, registeredAt, phoneMasked,
                gender, birthDate, universityCode, majorCode, bureau, false);
    }

    /** A registration from before bureaus. */
    public CandidateRegistered(UUID candidateId, UUID rosterEntryId, String examCode, String idType,
            String idNumberHash, String idNumberMasked, Instant registeredAt, String phoneMasked, String gender,
            LocalDate birthDate, String universityCode, String majorCode) {
        this(candidateId, rosterEntryId, examCode, idType, idNumberHash, idNumberMasked, registeredAt, phoneMasked,
                gender, birthDate, universityCode, majorCode, null, false);
    }

    /** A roster registration (Shandong): no university or major chosen. */
    public CandidateRegistered(UUID candidateId, UUID rosterEntryId, String examCode, String idType,
            String idNumberHash, String idNumberMasked, Instant registeredAt, String phoneMasked, String gender,
            LocalDate birthDate) {
        this(candidateId, rosterEntryId, examCode, idType, idNumberHash, idNumberMasked, registeredAt, phoneMasked,
                gender, birthDate, null, null, null, false);
    }

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }
}
