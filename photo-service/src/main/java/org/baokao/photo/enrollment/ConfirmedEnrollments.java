package org.baokao.photo.enrollment;

import java.sql.Timestamp;
import java.util.UUID;

import org.baokao.events.enrollment.EnrollmentConfirmed;
import org.baokao.messaging.consumer.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which candidates have confirmed an enrollment (from enrollment-service's EnrollmentConfirmed, applied once through
 * the inbox): their locked photo must not change, so uploads after confirmation are refused.
 */
@Component
public class ConfirmedEnrollments {

    static final String CONSUMER = "photo-service.confirmed-enrollments";

    private final JdbcClient jdbc;

    ConfirmedEnrollments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isConfirmed(UUID candidateId) {
        return jdbc.sql("select count(*) from confirmed_candidate where candidate_id = ?").param(candidateId)
                .query(Long.class).single() > 0;
    }

    @EventHandler(CONSUMER)
    void confirmed(EnrollmentConfirmed confirmed) {
        jdbc.sql("""
                insert into confirmed_candidate (candidate_id, enrollment_id, confirmed_at) values (?, ?, ?)
                on conflict (candidate_id) do nothing""")
                .params(confirmed.candidateId(), confirmed.enrollmentId(), Timestamp.from(confirmed.confirmedAt()))
                .update();
    }
}
