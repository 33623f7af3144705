package org.baokao.enrollment.wizard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Per candidate, what photo-service reported (kept from before the wizard starts), in {@code wizard_candidate}.
 * Its row doubles as the candidate's lock: starting, confirming and photo events take it before any enrollment
 * row, so a start never misses a photo event and two tracks' confirmations queue (ENR-6).
 */
@Repository
class WizardCandidates {

    private final JdbcClient jdbc;

    WizardCandidates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The candidate's photo state, their row locked until the transaction ends (created empty if new). */
    PhotoState lock(UUID candidateId, Instant now) {
        jdbc.sql("insert into wizard_candidate (candidate_id, updated_at) values (?, ?) on conflict do nothing")
                .params(candidateId, Timestamp.from(now)).update();
        return jdbc.sql("""
                select photo_id, photo_accepted_at, identity_status, identity_failed_attempts
                from wizard_candidate where candidate_id = ? for update""")
                .param(candidateId)
                .query((row, n) -> {
                    Timestamp accepted = row.getTimestamp("photo_accepted_at");
                    return new PhotoState(row.getObject("photo_id", UUID.class),
                            accepted == null ? null : accepted.toInstant(),
                            IdentityStatus.valueOf(row.getString("identity_status")),
                            row.getInt("identity_failed_attempts"));
                })
                .single();
    }

    void save(UUID candidateId, PhotoState photo, Instant now) {
        jdbc.sql("""
                update wizard_candidate set photo_id = ?, photo_accepted_at = ?, identity_status = ?,
                    identity_failed_attempts = ?, updated_at = ?
                where candidate_id = ?""")
                .params(photo.photoId(), photo.acceptedAt() == null ? null : Timestamp.from(photo.acceptedAt()),
                        photo.identity().name(), photo.failedAttempts(), Timestamp.from(now), candidateId)
                .update();
    }
}
