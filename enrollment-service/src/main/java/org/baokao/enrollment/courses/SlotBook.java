package org.baokao.enrollment.courses;

import java.util.HashMap;
import java.util.Map;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;
import org.baokao.enrollment.exam.ExamSlot;

/**
 * The half-day slots a candidate's courses take, across all the universities they hold (ENR-9; seed 004: 按照考试计划，
 * 每半天选择一个课程 … 特别注意同一考试时间内不可以选择多门科目考试): a slot is taken once. Courses go in oldest first, so
 * a clash names the course being added first and the one already there second.
 */
@DomainModel
final class SlotBook {

    /** A course in a slot, as the refusal names it. */
    record Occupant(ExamSlot slot, String courseName, String universityName, boolean practical) {

        String named() {
            return (practical ? "实践课《" : "《") + courseName + "》（" + universityName + "）";
        }
    }

    private final Map<ExamSlot, Occupant> taken = new HashMap<>();

    /**
     * Takes {@code occupant}'s slot (a practical course without a set time takes none). 409 {@code SLOT_CONFLICT} when a
     * theory course holds it already, {@code PRACTICAL_SLOT_CONFLICT} when either course is a practical one.
     */
    void take(Occupant occupant) {
        if (occupant.slot() == null) {
            return;
        }
        Occupant other = taken.putIfAbsent(occupant.slot(), occupant);
        if (other == null) {
            return;
        }
        String message = occupant.named() + "与" + other.named() + "的考试时间都是" + occupant.slot().label()
                + "，同一考试时间内只能选择一门课程";
        throw Refusal.conflict(occupant.practical() || other.practical() ? "PRACTICAL_SLOT_CONFLICT" : "SLOT_CONFLICT",
                message);
    }
}
