package org.baokao.photo.enrollment;

import java.sql.Timestamp;
import java.util.UUID;

import org.baokao.events.enrollment.EnrollmentConfirmed;
import org.baokao.messaging.consumer.EventMeta;
import org.baokao.messaging.consumer.EventSubscriber;
import org.baokao.messaging.consumer.EventSubscription;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which candidates have confirmed an enrollment (from enrollment-service's EnrollmentConfirmed, applied once through
 * the inbox): their locked photo must not change, so uploads after confirmation are refused.
 */
@Component
public class ConfirmedEnrollments implements EventSubscriber {

    static final String CONSUMER = "photo-service.confirmed-enrollments";

    private final JdbcClient jdbc;

    ConfirmedEnrollments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isConfirmed(UUID candidateId) {
        return jdbc.sql("select count(*) from confirmed_candidate where candidate_id = ?").param(candidateId)
                .query(Long.class).single() > 0;
    }

    @Override
    public EventSubscription subscription() {
        return EventSubscription.named(CONSUMER).on(EnrollmentConfirmed.class, this::confirmed);
    }

    private void confirmed(EnrollmentConfirmed confirmed, EventMeta meta) {
        jdbc.sql("""
                insert into confirmed_candidate (candidate_id, enrollment_id, confirmed_at) values (?, ?, ?)
                on conflict (candidate_id) do nothing""")
                .params(confirmed.candidateId(), confirmed.enrollmentId(), Timestamp.from(confirmed.confirmedAt()))
                .update();
    }
}
