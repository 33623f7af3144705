package org.baokao.account.phonechange;

import org.baokao.domain.DomainModel;
import org.baokao.domain.operator.Operator;

/**
 * Which phone-change requests an operator sees and decides (OPS-3): their own bureau's only (the account's bureau);
 * a 主考学校审核员 only those of candidates of their university — the university an open registration chose
 * ({@code candidate_account.university_code}) or one an imported 在籍考生 holds ({@code account_university}); a
 * reviewer with no university sees none. bureau-admin and auditor see the whole bureau. Outside: 404.
 */
@DomainModel
record PhoneChangeScope(String bureau, String universityCode, boolean nothing) {

    static PhoneChangeScope of(Operator operator) {
        if (operator.seesWholeBureau()) {
            return new PhoneChangeScope(operator.bureau(), null, false);
        }
        return new PhoneChangeScope(operator.bureau(), operator.university(), operator.university() == null);
    }

    boolean bureauWide() {
        return universityCode == null && !nothing;
    }
}
