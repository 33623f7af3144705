package org.baokao.enrollment.wizard;

import org.baokao.domain.DomainModel;

/** 身份核验状态 as the confirmation and preview screens show it (ENR-5, PHO-4, PHO-5). */
@DomainModel
public enum IdentityStatus {
    NOT_VERIFIED("未核验"),
    VERIFYING("核验中"),
    PASSED("比对通过"),
    FAILED("比对未通过"),
    MANUAL_REVIEW("人工审核中");

    private final String label;

    IdentityStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
