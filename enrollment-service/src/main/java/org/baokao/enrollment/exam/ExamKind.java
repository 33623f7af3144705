package org.baokao.enrollment.exam;

import org.baokao.domain.DomainModel;

/** The two kinds of exam the platform runs; each drives its own wizard. */
@DomainModel
public enum ExamKind {
    /** 专升本: Shandong's junior-college to bachelor upgrade, roster-gated, 7-step wizard. */
    UNIFIED_UPGRADE("普通高等教育专升本考试"),
    /** 自学考试: Shanghai's self-study exams, open registration, courses by half-day slot. */
    SELF_STUDY("高等教育自学考试");

    private final String chineseName;

    ExamKind(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
