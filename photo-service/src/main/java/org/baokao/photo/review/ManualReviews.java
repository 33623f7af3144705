package org.baokao.photo.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.baokao.events.photo.ManualReviewRequested;
import org.baokao.messaging.outbox.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opening manual reviews (PHO-5), called inside the transaction that records the failed comparison, so the
 * review and its ManualReviewRequested exist exactly when the failure does.
 */
@Component
public class ManualReviews {

    private final JdbcClient jdbc;
    private final Outbox outbox;

    ManualReviews(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** Opens a review of this photo unless the candidate already has one open; answers the open review's id. */
    public UUID open(UUID candidateId, UUID photoId, String reason, Instant at) {
        Optional<UUID> existing = jdbc.sql("select id from manual_review where candidate_id = ? and status = ?")
                .params(candidateId, ManualReviewStatus.OPEN.name()).query(UUID.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into manual_review (id, candidate_id, photo_id, status, requested_reason, requested_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, candidateId, photoId, ManualReviewStatus.OPEN.name(), reason, Timestamp.from(at)).update();
        outbox.publish(new ManualReviewRequested(id, candidateId, reason, at));
        return id;
    }
}
