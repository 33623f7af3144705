package org.baokao.account.registration;

import org.baokao.domain.DomainModel;

/** Who may register for a deployment's exam (ACC-3). */
@DomainModel
public enum RegistrationGate {
    /** Shandong: only an ID on the exam's roster (考生名单), imported by operators. */
    ROSTER,
    /** Shanghai 自考: any new candidate, choosing an examining university (主考学校) and a major. */
    OPEN
}
