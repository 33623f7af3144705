package org.baokao.photo.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.baokao.events.account.CandidateRegistered;
import org.baokao.events.photo.ApprovalChanged;
import org.baokao.messaging.consumer.EventHandler;
import org.baokao.messaging.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The approvals of new candidates of open registrations (SST-2, ENR-10, PHO-5) as rows (table {@code approval}):
 * opened from CandidateRegistered, moved by the identity comparisons and the manual review, each change saved with its
 * ApprovalChanged in the caller's transaction (outbox). A candidate without a row (a roster registration: Shandong)
 * keeps the comparison and review rules of before: every method says so rather than changing anything.
 */
@Service
public class Approvals {

    static final String CONSUMER = "photo-service.approvals";
    private static final Logger log = LoggerFactory.getLogger(Approvals.class);

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final ComparisonHistory history;
    private final Clock clock;

    Approvals(JdbcClient jdbc, Outbox outbox, ComparisonHistory history, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.history = history;
        this.clock = clock;
    }

    /**
     * A registration names its examining university only when it is open (新考生注册); a roster registration
     * (rosterEntryId set) gets no approval. Applied once through the inbox; a second delivery inserts nothing.
     */
    @EventHandler(CONSUMER)
    void registered(CandidateRegistered registered) {
        if (registered.rosterEntryId() != null || registered.universityCode() == null) {
            return;
        }
        serialize(registered.candidateId());
        Instant now = clock.instant();
        Approval approval = Approval.open(registered.candidateId(), registered.bureau(), registered.universityCode(),
                registered.majorCode(), registered.idType(), Boolean.TRUE.equals(registered.specialMajor()), now)
                .caughtUpWith(history.soFar(registered.candidateId()), history.failuresBeforeReview(), now);
        int inserted = jdbc.sql("""
                insert into approval (candidate_id, bureau, university_code, major_code, id_type, special_major, status,
                    cause, failed_comparisons, photo_id, registered_at, changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (candidate_id) do nothing""")
                .params(approval.candidateId(), approval.bureau() == null ? "" : approval.bureau(),
                        approval.universityCode(), approval.majorCode(), approval.idType(), approval.specialMajor(),
                        approval.status().name(), approval.cause() == null ? null : approval.cause().name(),
                        approval.failedComparisons(), approval.photoId(), Timestamp.from(registered.registeredAt()),
                        Timestamp.from(now))
                .update();
        if (inserted == 1) {
            publish(approval);
            log.info("Approval of candidate {} opened: {}", approval.candidateId(), approval.status());
        }
    }

    public Optional<Approval> find(UUID candidateId) {
        return jdbc.sql(SELECT + " where candidate_id = ?").param(candidateId).query(Approvals::map).optional();
    }

    /**
     * The candidate's approval locked for the caller's transaction (empty for a roster registration, or a new
     * candidate's whose registration has not arrived yet: then the caller's work is what the approval catches up
     * with when it opens, see {@link #serialize}).
     */
    public Optional<Approval> lock(UUID candidateId) {
        serialize(candidateId);
        return jdbc.sql(SELECT + " where candidate_id = ? for update").param(candidateId).query(Approvals::map)
                .optional();
    }

    /**
     * A photo was submitted (in the caller's transaction): whether to compare it. Always for a candidate without an
     * approval; for the others only on the automatic path (a 居民身份证 before any review).
     */
    public boolean photoSubmitted(UUID candidateId, UUID photoId, Instant at) {
        Optional<Approval> locked = lock(candidateId);
        if (locked.isEmpty()) {
            return true;
        }
        Approval next = locked.get().photoSubmitted(photoId, at);
        save(locked.get(), next);
        return next.comparing();
    }

    public void comparisonPassed(UUID candidateId, Instant at) {
        lock(candidateId).ifPresent(approval -> save(approval, approval.comparisonPassed(at)));
    }

    /** A failed comparison; false when the candidate has no approval (the roster bureaus' review rule applies). */
    public boolean comparisonFailed(UUID candidateId, int failures, int failuresBeforeReview, Instant at) {
        return lock(candidateId).map(approval -> {
            save(approval, approval.comparisonFailed(failures, failuresBeforeReview, at));
            return true;
        }).orElse(false);
    }

    /** The provider has no reference photo; false when the candidate has no approval. */
    public boolean noReference(UUID candidateId, Instant at) {
        return lock(candidateId).map(approval -> {
            save(approval, approval.noReference(at));
            return true;
        }).orElse(false);
    }

    /** A reviewer decided the candidate's submitted review (in the decision's transaction). */
    public void reviewDecided(UUID candidateId, boolean approved, String reason, Instant at) {
        lock(candidateId).ifPresent(approval -> {
            if (approval.status() == ApprovalStatus.IN_REVIEW) {
                save(approval, approval.decided(approved, reason, at));
            } else {
                // a review the candidate did not submit through the approval (opened before it existed)
                log.warn("Review of candidate {} decided while the approval is {}: unchanged", candidateId,
                        approval.status());
            }
        });
    }

    /**
     * One candidate's approval work at a time, whether or not the approval exists yet. The registration (an event
     * from account-service) and the candidate's photo (submitted right after it, compared by a job) race: without
     * this, a registration that read the comparisons while a submit or a comparison was still uncommitted opened the
     * approval at 照片待上传 and the comparison's outcome, finding no approval, was lost — the candidate waited for
     * ever (seen under load, {@code ./baokao bench day}). Held to the end of the caller's transaction.
     */
    private void serialize(UUID candidateId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('photo.approval:' || ?, 0))")
                .param(candidateId.toString()).query().singleRow();
    }

    /** Writes the change; a new status is published as ApprovalChanged in the same transaction. */
    public void save(Approval before, Approval after) {
        if (after.equals(before)) {
            return;
        }
        jdbc.sql("""
                update approval set status = ?, cause = ?, failed_comparisons = ?, decision_reason = ?, photo_id = ?,
                    changed_at = ?
                where candidate_id = ?""")
                .params(after.status().name(), after.cause() == null ? null : after.cause().name(),
                        after.failedComparisons(), after.decisionReason(), after.photoId(),
                        Timestamp.from(after.changedAt()), after.candidateId())
                .update();
        if (after.status() != before.status()) {
            publish(after);
            log.info("Approval of candidate {}: {} → {}", after.candidateId(), before.status(), after.status());
        }
    }

    private void publish(Approval approval) {
        outbox.publish(new ApprovalChanged(approval.candidateId(), approval.bureau(), approval.universityCode(),
                approval.status().name(), approval.reason(), approval.changedAt()));
    }

    private static final String SELECT = """
            select candidate_id, bureau, university_code, major_code, id_type, special_major, status, cause,
                failed_comparisons, decision_reason, photo_id, changed_at from approval""";

    private static Approval map(ResultSet rs, int row) throws SQLException {
        String cause = rs.getString(8);
        return new Approval(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getBoolean(6), ApprovalStatus.valueOf(rs.getString(7)),
                cause == null ? null : ReviewCause.valueOf(cause), rs.getInt(9), rs.getString(10),
                rs.getObject(11, UUID.class), rs.getTimestamp(12).toInstant());
    }
}
