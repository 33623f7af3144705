package org.baokao.enrollment.courses;

import java.util.Objects;

import org.baokao.domain.DomainModel;

/**
 * A course as the candidate names it: the 主考学校 and the course's code in that university's plan (ENR-9). Course codes
 * are national (00642 传播学概论 is the same course everywhere), so the university is part of the name: the same code at
 * two universities is two courses, and the slot rule keeps the candidate from sitting both.
 */
@DomainModel
public record CourseRef(String universityCode, String courseCode) {

    public CourseRef {
        Objects.requireNonNull(universityCode, "universityCode");
        Objects.requireNonNull(courseCode, "courseCode");
    }

    /** The payment item's code: {@code 10246-00642}. */
    public String itemCode() {
        return universityCode + "-" + courseCode;
    }
}
