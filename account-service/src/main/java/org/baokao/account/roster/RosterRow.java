package org.baokao.account.roster;

import org.baokao.account.identity.IdType;
import org.baokao.domain.DomainModel;
import org.baokao.personaldata.Masking;

/** A roster row that passed every check: normalized ID number, trimmed texts. {@link #toString()} is masked. */
@DomainModel
record RosterRow(int line, IdType idType, String idNumber, String name, CandidateType candidateType,
        String collegeCode, String collegeName, String majorCode, String majorName) {

    @Override
    public String toString() {
        return "RosterRow[line=" + line + ", " + idType + " " + Masking.idNumber(idNumber) + ", name="
                + Masking.name(name) + ", " + candidateType + ", college=" + collegeCode + ", major=" + majorCode
                + "]";
    }
}
