package org.baokao.enrollment.webhook;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Whose an event is (API-2: a partner hears only of its own bureau's): the exam and bureau of the enrollment it is
 * about, read from this service's own tables ({@code enrollment} → {@code exam}), or for a payment of a 自考 course
 * order that order's ({@code course_order}). The events themselves do not all carry the bureau.
 */
@Repository
class EventSubjects {

    private final JdbcClient jdbc;

    EventSubjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<EventSubject> of(UUID enrollmentOrCourseOrder, UUID candidateId) {
        return jdbc.sql("""
                select x.code, x.bureau, 'ENROLLMENT' from enrollment e join exam x on x.id = e.exam_id
                where e.id = :id and e.candidate_id = :candidate
                union all
                select o.exam_code, o.bureau, 'COURSE_ORDER' from course_order o
                where o.id = :id and o.candidate_id = :candidate""")
                .param("id", enrollmentOrCourseOrder).param("candidate", candidateId)
                .query((row, n) -> new EventSubject(row.getString(1), row.getString(2),
                        EventSubject.Kind.valueOf(row.getString(3))))
                .optional();
    }
}
