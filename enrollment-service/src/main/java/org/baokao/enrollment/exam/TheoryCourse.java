package org.baokao.enrollment.exam;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A theory course (理论课) of a major's exam plan (ENR-9): its code (e.g. 00642), name, credits, the fee in fen paid
 * through the public payment platform, and the half-day slot it is sat in. Boxed fields: a missing one must reach
 * the catalogue's check to be reported at its place (Jackson 3 refuses a missing primitive).
 */
public record TheoryCourse(String code, String name, Integer credits, Long feeFen, LocalDate date, HalfDay halfDay) {

    /** The slot, or null while the plan is unchecked and lacks its date or half-day. */
    @JsonIgnore
    public ExamSlot slot() {
        return date == null || halfDay == null ? null : new ExamSlot(date, halfDay);
    }
}
