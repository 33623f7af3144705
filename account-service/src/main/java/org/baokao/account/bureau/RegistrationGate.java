package org.baokao.account.bureau;

import org.baokao.domain.DomainModel;

/** Who may register with a bureau (ACC-3): the bureau's choice, part of its configuration (BUR-1). */
@DomainModel
public enum RegistrationGate {
    /** Shandong: only an ID on the exam's roster (考生名单), imported by operators. */
    ROSTER,
    /** Shanghai 自考: any new candidate, choosing an examining university (主考学校) and a major. */
    OPEN
}
