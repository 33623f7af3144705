package org.baokao.enrollment.courses;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.enrollment.exam.ExamSlot;

/**
 * The courses a Shanghai 自考 candidate holds for the bureau's current sitting (ENR-9): paid theory courses and
 * registered practical courses; the 报考信息确认单 (SST-7) prints them. Unpaid and lapsed selections are not here:
 * courses count only when paid.
 */
public interface PaidCourses {

    List<HeldCourse> of(UUID candidateId, String bureau);

    /**
     * @param kind  THEORY or PRACTICAL
     * @param slot  the half-day slot, null for a practical course without a set time
     * @param state PAID for a theory course; REGISTERED or AWAITING_REVIEW for a practical one
     */
    record HeldCourse(String universityCode, String universityName, String majorCode, String majorName,
            String courseCode, String courseName, String kind, ExamSlot slot, long feeFen, String state,
            Instant at) {
    }
}
