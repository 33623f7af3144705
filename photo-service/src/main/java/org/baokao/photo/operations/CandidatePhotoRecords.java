package org.baokao.photo.operations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What this service holds of one candidate's photo and identity for the Candidates desk (OPS-3). */
@Repository
class CandidatePhotoRecords {

    private final JdbcClient jdbc;

    CandidatePhotoRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An open registration's approval (Shanghai): its bureau and 主考学校 scope the candidate. */
    record ApprovalRow(String bureau, String university, String status, String cause, int failures, String reason,
            Instant changedAt) {
    }

    /** The latest comparison with the public-security photo. */
    record CheckRow(String status, Instant decidedAt) {
    }

    Optional<ApprovalRow> approval(UUID candidateId) {
        return jdbc.sql("""
                select bureau, university_code, status, cause, failed_comparisons, decision_reason, changed_at
                from approval where candidate_id = ?""").param(candidateId)
                .query((row, n) -> new ApprovalRow(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getInt(5), row.getString(6), instant(row.getTimestamp(7))))
                .optional();
    }

    Optional<CheckRow> latestCheck(UUID candidateId) {
        return jdbc.sql("""
                select status, decided_at from identity_check where candidate_id = ?
                order by created_at desc limit 1""").param(candidateId)
                .query((row, n) -> new CheckRow(row.getString(1), instant(row.getTimestamp(2)))).optional();
    }

    Optional<String> latestReview(UUID candidateId) {
        return jdbc.sql("select status from manual_review where candidate_id = ? order by requested_at desc limit 1")
                .param(candidateId).query(String.class).optional();
    }

    int mismatches(UUID candidateId) {
        return jdbc.sql("select count(*) from identity_check where candidate_id = ? and status = 'MISMATCHED'")
                .param(candidateId).query(Integer.class).single();
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
