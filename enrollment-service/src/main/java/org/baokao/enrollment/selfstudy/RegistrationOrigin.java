package org.baokao.enrollment.selfstudy;

import org.baokao.domain.DomainModel;

/** How the candidate came to hold a university: the one chosen at 新考生注册, an import, or 报考其他学校. */
@DomainModel
public enum RegistrationOrigin {

    /** 新考生注册 (ACC-3 open registration, from {@code CandidateRegistered}). */
    REGISTRATION("新考生注册"),
    /** 在籍考生, imported by an operator (ACC-9, from {@code ExistingCandidateImported}). */
    IMPORT("在籍考生导入"),
    /** 报考其他学校 (ENR-8), added by the logged-in candidate. */
    ADDED("报考其他学校");

    private final String label;

    RegistrationOrigin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
