package org.baokao.enrollment.exam;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A practical course (实践课) of a major's plan (ENR-9): 公共实践类 or 非公共实践类, settled as {@link PracticalPayment}
 * says, optionally with a set time (date + half-day) that must not clash with the candidate's theory slots.
 */
public record PracticalCourse(String code, String name, Integer credits, PracticalCategory category,
        PracticalPayment payment, LocalDate date, HalfDay halfDay) {

    /** The set time, or null when the university has not set one (or the plan lacks half of it). */
    @JsonIgnore
    public ExamSlot slot() {
        return date == null || halfDay == null ? null : new ExamSlot(date, halfDay);
    }
}
