package org.baokao.enrollment.courses;

import java.time.Instant;
import java.util.Objects;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;
import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.exam.Pledge;

/**
 * The bureau's current 自考 sitting (考次) as course registration reads it: the exam with its windows and pledge, and
 * its course plan indexed. Candidates change their courses only inside the registration window (ENR-1); an unpaid
 * course lapses when it closes (SST-6), and that instant travels with each course order to payment-service.
 */
@DomainModel
public record CourseSitting(Exam exam, CoursePlan plan) {

    public CourseSitting {
        Objects.requireNonNull(exam, "exam");
        Objects.requireNonNull(plan, "plan");
    }

    public String examCode() {
        return exam.code();
    }

    public boolean isOpenAt(Instant now) {
        return exam.isRegistrationOpenAt(now);
    }

    /** The registration close: unpaid selections and orders lapse then (课程报考视为无效). */
    public Instant lapsesAt() {
        return exam.registration().closesAt();
    }

    /** 409 {@code REGISTRATION_CLOSED} outside the registration window: no change of courses then. */
    public void requireOpen(Instant now) {
        if (!isOpenAt(now)) {
            throw Refusal.conflict("REGISTRATION_CLOSED", now.isBefore(exam.registration().opensAt())
                    ? "报名尚未开始，请在报名时间内选择课程" : "本次报名已结束，不能再选择、结算或修改课程");
        }
    }

    /** The sitting's current 考生报考承诺书; 409 {@code PLEDGE_NOT_CONFIGURED} while it has none. */
    public Pledge requirePledge() {
        if (exam.pledge() == null) {
            throw Refusal.conflict("PLEDGE_NOT_CONFIGURED", "本次考试尚未配置考生报考承诺书，暂不能结算");
        }
        return exam.pledge();
    }
}
