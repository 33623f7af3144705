package org.baokao.photo.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.events.photo.ManualReviewDecided;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.photo.quality.PhotoQualityCheck;
import org.baokao.photo.storage.PhotoStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Manual review (PHO-5) after the comparisons failed: the candidate adds proof images (checked like photos where it
 * makes sense, stored in S3 under random keys), an operator looks at photo and proofs and approves or rejects with a
 * reason; the decision and its ManualReviewDecided commit together (account-service texts the candidate).
 */
@Service
public class ManualReviewDesk {

    static final Set<String> KINDS = Set.of("ID_CARD_FRONT", "ID_CARD_BACK", "HOLDING_ID", "OTHER");
    static final int MAX_PROOFS = 6;
    private static final Logger log = LoggerFactory.getLogger(ManualReviewDesk.class);

    private final JdbcClient jdbc;
    private final PhotoQualityCheck quality;
    private final PhotoStorage storage;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ManualReviewDesk(JdbcClient jdbc, PhotoQualityCheck quality, PhotoStorage storage, Outbox outbox,
            TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.quality = quality;
        this.storage = storage;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Proof addProof(UUID candidateId, String kind, byte[] content) {
        if (kind == null || !KINDS.contains(kind)) {
            throw Refusal.invalid("PROOF_KIND_INVALID", "证明材料类型须为身份证正面、身份证背面、手持身份证照片或其他");
        }
        ManualReview review = find("candidate_id = ? and status = ?", candidateId, ManualReviewStatus.OPEN.name())
                .orElseThrow(() -> Refusal.conflict("NO_OPEN_MANUAL_REVIEW", "当前没有待处理的人工审核，无需上传证明材料"));
        if (proofs(review.id()).size() >= MAX_PROOFS) {
            throw Refusal.conflict("TOO_MANY_PROOFS", "证明材料最多上传" + MAX_PROOFS + "张");
        }
        String contentType = quality.checkProof(content);
        String key;
        try {
            key = storage.put(content, contentType);
        } catch (Exception e) {
            log.warn("Proof store unavailable: {}", e.toString());
            throw Refusal.unavailable("PHOTO_STORE_UNAVAILABLE", "照片存储暂不可用，请稍后重试");
        }
        Proof proof = new Proof(UUID.randomUUID(), review.id(), kind, key, contentType, content.length, clock.instant());
        jdbc.sql("""
                insert into manual_review_proof (id, review_id, kind, object_key, content_type, byte_size, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(proof.id(), proof.reviewId(), kind, key, contentType, proof.byteSize(),
                        Timestamp.from(proof.uploadedAt()))
                .update();
        return proof;
    }

    /** The candidate's latest review, if any. */
    public Optional<ManualReview> latestOf(UUID candidateId) {
        return jdbc.sql(SELECT + " where candidate_id = ? order by requested_at desc limit 1").param(candidateId)
                .query(ManualReviewDesk::map).optional();
    }

    public List<ManualReview> list(String status) {
        if (status != null && !status.isBlank()) {
            try {
                ManualReviewStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid("REVIEW_STATUS_INVALID", "状态须为 OPEN、APPROVED 或 REJECTED");
            }
            return jdbc.sql(SELECT + " where status = ? order by requested_at limit 200").param(status)
                    .query(ManualReviewDesk::map).list();
        }
        return jdbc.sql(SELECT + " order by requested_at desc limit 200").query(ManualReviewDesk::map).list();
    }

    public ManualReview get(UUID reviewId) {
        return find("id = ?", reviewId)
                .orElseThrow(() -> Refusal.notFound("MANUAL_REVIEW_NOT_FOUND", "人工审核记录不存在"));
    }

    public List<Proof> proofs(UUID reviewId) {
        return jdbc.sql("""
                select id, review_id, kind, object_key, content_type, byte_size, uploaded_at from manual_review_proof
                where review_id = ? order by uploaded_at""")
                .param(reviewId)
                .query((rs, row) -> new Proof(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    public String link(String key, int seconds) {
        try {
            return storage.presignedGet(key, seconds);
        } catch (Exception e) {
            throw Refusal.unavailable("PHOTO_STORE_UNAVAILABLE", "照片存储暂不可用，请稍后重试");
        }
    }

    public String photoKey(UUID photoId) {
        return jdbc.sql("select normalized_key from photo where id = ?").param(photoId).query(String.class).single();
    }

    /** The operator's decision; the row is locked so two operators cannot both decide. */
    public ManualReview decide(UUID reviewId, boolean approved, String reason, String operator) {
        return transactions.execute(status -> {
            ManualReview review = jdbc.sql(SELECT + " where id = ? for update").param(reviewId)
                    .query(ManualReviewDesk::map).optional()
                    .orElseThrow(() -> Refusal.notFound("MANUAL_REVIEW_NOT_FOUND", "人工审核记录不存在"));
            ManualReview decided = review.decide(approved, reason, operator, clock.instant());
            jdbc.sql("""
                    update manual_review set status = ?, decision_reason = ?, decided_by = ?, decided_at = ?
                    where id = ?""")
                    .params(decided.status().name(), decided.decisionReason(), operator,
                            Timestamp.from(decided.decidedAt()), reviewId)
                    .update();
            outbox.publish(new ManualReviewDecided(reviewId, review.candidateId(), approved,
                    decided.decisionReason() == null ? "" : decided.decisionReason(), decided.decidedAt()));
            return decided;
        });
    }

    private static final String SELECT = """
            select id, candidate_id, photo_id, status, requested_reason, decision_reason, decided_by, requested_at,
                decided_at from manual_review""";

    private Optional<ManualReview> find(String where, Object... keys) {
        return jdbc.sql(SELECT + " where " + where).params(keys).query(ManualReviewDesk::map).optional();
    }

    private static ManualReview map(ResultSet rs, int row) throws SQLException {
        Timestamp decided = rs.getTimestamp(9);
        return new ManualReview(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                ManualReviewStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getTimestamp(8).toInstant(), decided == null ? null : decided.toInstant());
    }

    record Proof(UUID id, UUID reviewId, String kind, String objectKey, String contentType, long byteSize,
            Instant uploadedAt) {
    }
}
