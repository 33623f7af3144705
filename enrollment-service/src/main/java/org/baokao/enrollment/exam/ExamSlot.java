package org.baokao.enrollment.exam;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A half-day slot of the exam plan (ENR-9): a date (Asia/Shanghai) and 上午 or 下午. A candidate sits at most one
 * course per slot, across all the universities they hold.
 */
public record ExamSlot(LocalDate date, HalfDay halfDay) implements Comparable<ExamSlot> {

    public ExamSlot {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(halfDay, "halfDay");
    }

    /** As the candidate reads it: 2026年10月24日 上午. */
    public String label() {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日 " + halfDay.label();
    }

    @Override
    public int compareTo(ExamSlot other) {
        int byDate = date.compareTo(other.date);
        return byDate != 0 ? byDate : halfDay.compareTo(other.halfDay);
    }
}
