package org.baokao.account.roster;

import java.util.UUID;

import org.baokao.account.identity.IdType;
import org.baokao.domain.DomainModel;
import org.baokao.personaldata.Masking;

/**
 * One candidate on an exam's roster (ACC-3), as registration needs it: the name is opened (plain text), the ID
 * number is not part of it (the caller already has it). {@link #toString()} masks the name.
 */
@DomainModel
public record RosterEntry(UUID id, String examCode, IdType idType, CandidateType candidateType, String collegeCode,
        String collegeName, String majorCode, String majorName, String name) {

    @Override
    public String toString() {
        return "RosterEntry[id=" + id + ", examCode=" + examCode + ", idType=" + idType + ", candidateType="
                + candidateType + ", college=" + collegeCode + ", major=" + majorCode + ", name="
                + Masking.name(name) + "]";
    }
}
