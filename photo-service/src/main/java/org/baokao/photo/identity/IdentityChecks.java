package org.baokao.photo.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.jobs.Jobs;
import org.baokao.photo.review.ManualReviewStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The identity comparisons (PHO-4) as rows: queued PENDING when the candidate submits a photo, in the same
 * transaction, together with its job on the service's job queue ({@link IdentityCheckJob}); {@code attempt} numbers
 * a candidate's comparisons. A row is PENDING (核验中) until the provider gives an answer; provider trouble only
 * counts the call and its error here, and the job is tried again later.
 */
@Component
public class IdentityChecks {

    private final JdbcClient jdbc;

    private final Jobs jobs;

    IdentityChecks(JdbcClient jdbc, Jobs jobs) {
        this.jdbc = jdbc;
        this.jobs = jobs;
    }

    public UUID queue(UUID candidateId, UUID photoId, Instant at) {
        UUID id = UUID.randomUUID();
        int attempt = jdbc.sql("select count(*) from identity_check where candidate_id = ?").param(candidateId)
                .query(Integer.class).single() + 1;
        jdbc.sql("""
                insert into identity_check (id, candidate_id, photo_id, status, attempt, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, candidateId, photoId, IdentityCheckStatus.PENDING.name(), attempt, Timestamp.from(at))
                .update();
        jobs.schedule(IdentityCheckJob.TASK, id.toString(), at);
        return id;
    }

    /**
     * A photo being compared, one that matched, or one an operator is reviewing is final: a new photo would race
     * the comparison, undo 比对通过, or change what the operator looks at.
     */
    public void refuseWhileLocked(UUID candidateId) {
        IdentityCheckStatus latest = latest(candidateId).map(CheckView::status).orElse(null);
        if (latest == IdentityCheckStatus.PENDING) {
            throw Refusal.conflict("IDENTITY_CHECK_PENDING", "照片正在核验中，请等待核验结果后再操作");
        }
        if (latest == IdentityCheckStatus.MATCHED) {
            throw Refusal.conflict("IDENTITY_VERIFIED", "照片已比对通过，不能再更换");
        }
        ManualReviewStatus review = latestManualReviewStatus(candidateId).orElse(null);
        if (review == ManualReviewStatus.OPEN) {
            throw Refusal.conflict("MANUAL_REVIEW_OPEN", "照片正在人工审核中，请等待审核结果");
        }
        if (review == ManualReviewStatus.APPROVED) {
            throw Refusal.conflict("IDENTITY_VERIFIED", "照片已人工审核通过，不能再更换");
        }
    }

    /** A pending check with what comparing it needs; empty once it is decided (or unknown). */
    Optional<Claimed> pending(UUID checkId) {
        return jdbc.sql("""
                select c.id, c.candidate_id, c.photo_id, c.provider_calls, p.normalized_key
                from identity_check c join photo p on p.id = c.photo_id
                where c.id = ? and c.status = ?""")
                .params(checkId, IdentityCheckStatus.PENDING.name())
                .query((rs, row) -> new Claimed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getInt(4), rs.getString(5)))
                .optional();
    }

    /**
     * Makes sure every pending check has its job: checks queued before the job queue existed get one now. Returns
     * how many were missing.
     */
    int scheduleAllPending(Instant now) {
        int missing = 0;
        for (UUID id : jdbc.sql("select id from identity_check where status = ?")
                .param(IdentityCheckStatus.PENDING.name()).query(UUID.class).list()) {
            missing += jobs.schedule(IdentityCheckJob.TASK, id.toString(), now) ? 1 : 0;
        }
        return missing;
    }

    /** Records the provider's answer; false when the check was no longer PENDING (another instance finished it). */
    boolean decide(UUID checkId, IdentityCheckStatus status, Instant at) {
        if (!IdentityCheckStatus.PENDING.mayBecome(status)) {
            throw new IllegalArgumentException("a pending identity check cannot become " + status);
        }
        return jdbc.sql("""
                update identity_check set status = ?, decided_at = ?, provider_calls = provider_calls + 1,
                    last_error = null
                where id = ? and status = ?""")
                .params(status.name(), Timestamp.from(at), checkId, IdentityCheckStatus.PENDING.name()).update() == 1;
    }

    /** The provider gave no answer: the check stays PENDING (核验中); its job is tried again later. */
    void noAnswer(UUID checkId, String errorCode) {
        jdbc.sql("""
                update identity_check set provider_calls = provider_calls + 1, last_error = ?
                where id = ? and status = ?""")
                .params(errorCode, checkId, IdentityCheckStatus.PENDING.name()).update();
    }

    /** The candidate's failed comparisons so far (NO_MATCH answers), this one included once decided. */
    int failures(UUID candidateId) {
        return jdbc.sql("select count(*) from identity_check where candidate_id = ? and status = ?")
                .params(candidateId, IdentityCheckStatus.MISMATCHED.name()).query(Integer.class).single();
    }

    /** The latest check of a candidate, for the status API: PENDING shows 核验中. */
    public java.util.Optional<CheckView> latest(UUID candidateId) {
        return jdbc.sql("""
                select id, photo_id, status, attempt, created_at, decided_at from identity_check
                where candidate_id = ? order by created_at desc limit 1""")
                .param(candidateId)
                .query((rs, row) -> new CheckView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        IdentityCheckStatus.valueOf(rs.getString(3)), rs.getInt(4), rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .optional();
    }

    /** The status of the candidate's latest manual review of a photo (OPEN, APPROVED, REJECTED), if any. */
    java.util.Optional<ManualReviewStatus> latestManualReviewStatus(UUID candidateId) {
        return jdbc.sql("""
                select status from manual_review where candidate_id = ? order by requested_at desc limit 1""")
                .param(candidateId).query(String.class).optional().map(ManualReviewStatus::valueOf);
    }

    record Claimed(UUID checkId, UUID candidateId, UUID photoId, int providerCalls, String normalizedKey) {
    }

    public record CheckView(UUID id, UUID photoId, IdentityCheckStatus status, int attempt, Instant queuedAt, Instant decidedAt) {
    }
}
