package org.baokao.photo.enrollment;

import java.sql.Timestamp;
import java.util.UUID;

import org.baokao.events.EventCodec;
import org.baokao.events.EventEnvelope;
import org.baokao.events.Topics;
import org.baokao.events.enrollment.EnrollmentConfirmed;
import org.baokao.messaging.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Which candidates have confirmed an enrollment (from enrollment-service's EnrollmentConfirmed, applied once through
 * the inbox): their locked photo must not change, so uploads after confirmation are refused.
 */
@Component
public class ConfirmedEnrollments {

    static final String CONSUMER = "photo-service.confirmed-enrollments";

    private final JdbcClient jdbc;
    private final Inbox inbox;

    ConfirmedEnrollments(JdbcClient jdbc, Inbox inbox) {
        this.jdbc = jdbc;
        this.inbox = inbox;
    }

    public boolean isConfirmed(UUID candidateId) {
        return jdbc.sql("select count(*) from confirmed_candidate where candidate_id = ?").param(candidateId)
                .query(Long.class).single() > 0;
    }

    @KafkaListener(topics = Topics.ENROLLMENT)
    void onEnrollment(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = EventCodec.read(record.value());
        if (!envelope.type().equals("EnrollmentConfirmed")) {
            return;
        }
        inbox.apply(CONSUMER, envelope, applied -> {
            EnrollmentConfirmed confirmed = EventCodec.payload(envelope, EnrollmentConfirmed.class);
            jdbc.sql("""
                    insert into confirmed_candidate (candidate_id, enrollment_id, confirmed_at) values (?, ?, ?)
                    on conflict (candidate_id) do nothing""")
                    .params(confirmed.candidateId(), confirmed.enrollmentId(), Timestamp.from(confirmed.confirmedAt()))
                    .update();
        });
    }
}
