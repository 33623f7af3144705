package org.baokao.enrollment.courses;

import java.util.Objects;

import org.baokao.domain.DomainModel;
import org.baokao.enrollment.exam.ExamSlot;

/**
 * One theory course of a course order, as the plan had it at 结算: the university and major it was chosen under, the
 * course, its credits, its fee (integer fen) and its half-day slot. Kept whole with the order, so a paid course reads
 * the same whatever the plan becomes.
 */
@DomainModel
public record OrderItem(String universityCode, String universityName, String majorCode, String majorName,
        String courseCode, String courseName, Integer credits, long feeFen, ExamSlot slot) {

    public OrderItem {
        Objects.requireNonNull(universityCode, "universityCode");
        Objects.requireNonNull(courseCode, "courseCode");
        Objects.requireNonNull(slot, "slot");
    }

    public CourseRef ref() {
        return new CourseRef(universityCode, courseCode);
    }

    /** The payment item's name: the university's with the course's, "复旦大学 传播学概论". */
    public String itemName() {
        return universityName + " " + courseName;
    }
}
