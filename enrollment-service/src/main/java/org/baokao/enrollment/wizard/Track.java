package org.baokao.enrollment.wizard;

import org.baokao.domain.DomainModel;

/**
 * What a candidate registers for within one 专升本 exam (ENR-6): the unified exam, or the veteran exemption
 * (退役大学生士兵免试专升本). The two are exclusive once one is confirmed. Only candidates the roster lists as
 * 退役士兵 may take the veteran track; veterans sit no unified exam, so their enrollment has no subjects.
 */
@DomainModel
public enum Track {
    UNIFIED("全省统一考试专升本"),
    VETERAN_EXEMPTION("退役大学生士兵免试专升本");

    private final String title;

    Track(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** Whether a candidate of roster type {@code candidateType} may register for this track. */
    public boolean isOpenTo(String candidateType) {
        return this == UNIFIED || "VETERAN".equals(candidateType);
    }

    /** Whether candidates on this track sit the unified exam at all. */
    public boolean sitsExam() {
        return this == UNIFIED;
    }
}
