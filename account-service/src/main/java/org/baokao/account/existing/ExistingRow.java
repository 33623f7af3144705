package org.baokao.account.existing;

import org.baokao.account.identity.IdDocument;
import org.baokao.domain.DomainModel;
import org.baokao.personaldata.Masking;

/**
 * A row of a 在籍考生 file that passed every check: the document (normalized number), the name, the 准考证号 (as stored:
 * upper-case), one university + major, and the phone and e-mail on file (null when the cell was empty).
 * {@link #toString()} is masked.
 */
@DomainModel
record ExistingRow(int line, IdDocument id, String name, String admissionNumber, String universityCode,
        String majorCode, String phone, String email) {

    /** The person the row is of: rows with the same document are one candidate. */
    String personKey() {
        return id.type().code() + ':' + id.number();
    }

    @Override
    public String toString() {
        return "ExistingRow[line=" + line + ", " + id.type() + " " + Masking.idNumber(id.number()) + ", name="
                + Masking.name(name) + ", university=" + universityCode + ", major=" + majorCode + "]";
    }
}
