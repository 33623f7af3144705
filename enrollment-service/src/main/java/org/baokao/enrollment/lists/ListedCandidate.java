package org.baokao.enrollment.lists;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of an operator's list as the database holds it: a Shandong enrollment or a Shanghai course order.
 * {@code name} is in clear (the roster's, unsealed; null where this service holds none, e.g. an open registration):
 * the list masks it, only an audited export writes it. ID number and phone are masked already (never held in clear
 * here).
 *
 * @param id            the enrollment's or the course order's id
 * @param status        the enrollment's status or the order's (EnrollmentStatus / CourseOrderStatus)
 * @param courses       a course order's courses, empty for an enrollment
 */
public record ListedCandidate(UUID id, UUID candidateId, String name, String maskedIdNumber, String maskedPhone,
        String admissionNumber, String locationCode, String track, String subjectGroupCode, String status,
        String statusName, long feeFen, Instant confirmedAt, Instant paidAt, List<ListedCourse> courses) {

    /** A course of a course order, with its university (主考学校). */
    public record ListedCourse(String universityCode, String universityName, String courseCode, String courseName,
            long feeFen) {
    }

    public ListedCandidate {
        courses = courses == null ? List.of() : List.copyOf(courses);
    }

    /** The same row with only the courses of {@code university} (a university's list, a reviewer's scope). */
    public ListedCandidate onlyUniversity(String university) {
        List<ListedCourse> kept = courses.stream().filter(course -> course.universityCode().equals(university))
                .toList();
        return new ListedCandidate(id, candidateId, name, maskedIdNumber, maskedPhone, admissionNumber, locationCode,
                track, subjectGroupCode, status, statusName, kept.stream().mapToLong(ListedCourse::feeFen).sum(),
                confirmedAt, paidAt, kept);
    }
}
