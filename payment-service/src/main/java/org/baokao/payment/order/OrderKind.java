package org.baokao.payment.order;

import org.baokao.domain.DomainModel;

/**
 * What a fee order is paid for, which names the fee on the bank's page and on the receipt (PAY-7): an enrollment's
 * fees (报名考试费, from EnrollmentConfirmed), or a Shanghai 自考 course order's theory courses (课程报考费, from
 * CourseOrderPlaced). Either way the order is keyed by the id of what it pays for (column {@code enrollment_id}).
 */
@DomainModel
public enum OrderKind {
    ENROLLMENT("报名考试费"),
    COURSE_ORDER("课程报考费");

    private final String feeName;

    OrderKind(String feeName) {
        this.feeName = feeName;
    }

    /** 报名考试费 / 课程报考费: the bank order's subject ends with it, the receipt's title starts with it. */
    public String feeName() {
        return feeName;
    }
}
