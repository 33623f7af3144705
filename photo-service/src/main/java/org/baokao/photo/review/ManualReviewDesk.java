package org.baokao.photo.review;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.baokao.domain.operator.CaseClaim;
import org.baokao.domain.Refusal;
import org.baokao.events.photo.ManualReviewRequested;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.photo.approval.Approval;
import org.baokao.photo.approval.Approvals;
import org.baokao.photo.approval.ProofKind;
import org.baokao.photo.quality.PhotoQualityCheck;
import org.baokao.photo.storage.PhotoStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Manual review (PHO-5): the candidate adds proof images (checked like photos where it makes sense, stored in S3
 * under random keys), an operator looks at photo and proofs and approves or rejects with a reason; the decision and
 * its ManualReviewDecided commit together (account-service texts the candidate): the operators' side is
 * {@link ManualReviewQueue} (the queue, one case) and {@link ManualReviewClaims} (claim-and-decide, OPS-3).
 * <p>
 * Two ways in. A roster bureau's candidate (Shandong, no approval) has a review opened by the third failed
 * comparison and adds proofs to it while it is open. A new candidate of an open registration (Shanghai, an
 * {@link Approval}) gathers the proofs the approval asks for into a review of their examining university (one image
 * per kind, a new upload replaces it), submits it explicitly, and after a rejection gathers a new one; the decision
 * moves the approval in the same transaction. Reviewers of a university see only its reviews ({@link ReviewerScope}).
 */
@Service
public class ManualReviewDesk {

    /** What a roster bureau's review takes, as before open registrations. */
    static final Set<String> KINDS = Set.of("ID_CARD_FRONT", "ID_CARD_BACK", "HOLDING_ID", "OTHER");
    static final int MAX_PROOFS = 6;
    private static final Logger log = LoggerFactory.getLogger(ManualReviewDesk.class);

    private final JdbcClient jdbc;
    private final PhotoQualityCheck quality;
    private final PhotoStorage storage;
    private final Approvals approvals;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ManualReviewDesk(JdbcClient jdbc, PhotoQualityCheck quality, PhotoStorage storage, Approvals approvals,
            Outbox outbox, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.quality = quality;
        this.storage = storage;
        this.approvals = approvals;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Proof addProof(UUID candidateId, String kind, byte[] content) {
        Optional<Approval> approval = approvals.find(candidateId);
        if (approval.isPresent()) {
            return gatherProof(approval.get(), kind, content);
        }
        if (kind == null || !KINDS.contains(kind)) {
            throw Refusal.invalid("PROOF_KIND_INVALID", "证明材料类型须为身份证正面、身份证背面、手持身份证照片或其他");
        }
        ManualReview review = find("candidate_id = ? and status = ?", candidateId, ManualReviewStatus.OPEN.name())
                .orElseThrow(() -> Refusal.conflict("NO_OPEN_MANUAL_REVIEW", "当前没有待处理的人工审核，无需上传证明材料"));
        if (proofs(review.id()).size() >= MAX_PROOFS) {
            throw Refusal.conflict("TOO_MANY_PROOFS", "证明材料最多上传" + MAX_PROOFS + "张");
        }
        String contentType = quality.checkProof(content);
        String key = store(content, contentType);
        Proof proof = new Proof(UUID.randomUUID(), review.id(), kind, key, contentType, content.length, clock.instant());
        insert(proof);
        return proof;
    }

    /**
     * A proof of a new candidate (open registration): a kind the approval asks for, while a (re)submission is being
     * prepared; it replaces an earlier image of its kind in the review being gathered, which is opened by the first.
     */
    private Proof gatherProof(Approval approval, String kind, byte[] content) {
        ProofKind proofKind = approval.requiredKind(kind);
        approval.refuseProofChange();
        String contentType = quality.checkProof(content);
        String key = store(content, contentType);
        List<String> replaced = new ArrayList<>();
        Proof proof = transactions.execute(status -> {
            // the approval's row lock queues the candidate's uploads and submission behind each other
            Approval locked = approvals.lock(approval.candidateId()).orElseThrow();
            locked.refuseProofChange();
            UUID reviewId = gathering(locked.candidateId()).map(ManualReview::id).orElseGet(() -> openGathering(locked));
            replaced.addAll(jdbc.sql("delete from manual_review_proof where review_id = ? and kind = ? returning object_key")
                    .params(reviewId, proofKind.name()).query(String.class).list());
            Proof added = new Proof(UUID.randomUUID(), reviewId, proofKind.name(), key, contentType, content.length,
                    clock.instant());
            insert(added);
            return added;
        });
        for (String old : replaced) {
            try {
                storage.delete(old);
            } catch (Exception e) {
                // only unreachable bytes are left behind: no row points at them any more
                log.warn("Replaced proof {} not deleted from the store: {}", old, e.toString());
            }
        }
        return proof;
    }

    /**
     * The candidate submits the gathered proofs (open registration): every required kind and a submitted photo must
     * be there (400 names what is missing). The review becomes the reviewers' with ManualReviewRequested, the approval
     * 人工审核中, in one transaction.
     */
    public ManualReview submit(UUID candidateId) {
        return transactions.execute(status -> {
            Approval approval = approvals.lock(candidateId).orElseThrow(() -> Refusal.notFound("APPROVAL_NOT_FOUND",
                    "没有需要提交的人工审核"));
            Optional<ManualReview> gathering = gathering(candidateId);
            Set<ProofKind> uploaded = gathering.map(review -> proofs(review.id()).stream()
                    .map(proof -> ProofKind.of(proof.kind()).orElseThrow()).collect(Collectors.toSet()))
                    .orElse(Set.of());
            Instant now = clock.instant();
            Approval submitted = approval.submitted(uploaded, now);
            ManualReview review = gathering.orElseThrow().submit(submitted.photoId(), now);
            jdbc.sql("update manual_review set status = ?, photo_id = ?, requested_at = ? where id = ?")
                    .params(review.status().name(), review.photoId(), Timestamp.from(now), review.id()).update();
            outbox.publish(new ManualReviewRequested(review.id(), candidateId, review.requestedReason(), now));
            approvals.save(approval, submitted);
            return review;
        });
    }

    /** The candidate's latest review, if any. */
    public Optional<ManualReview> latestOf(UUID candidateId) {
        return jdbc.sql(SELECT + " where candidate_id = ? order by requested_at desc limit 1").param(candidateId)
                .query(ManualReviewDesk::map).optional();
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

    /** A proof image of one of the candidate's own reviews (the page's preview); anyone else's is 404. */
    public ProofImage ownProofImage(UUID candidateId, UUID proofId) {
        Proof proof = jdbc.sql("""
                select p.id, p.review_id, p.kind, p.object_key, p.content_type, p.byte_size, p.uploaded_at
                from manual_review_proof p join manual_review r on r.id = p.review_id
                where p.id = ? and r.candidate_id = ?""")
                .params(proofId, candidateId)
                .query((rs, row) -> new Proof(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6),
                        rs.getTimestamp(7).toInstant()))
                .optional().orElseThrow(() -> Refusal.notFound("PROOF_NOT_FOUND", "证明材料不存在"));
        return image(proof.objectKey(), proof.contentType());
    }

    /** The bytes of a stored object (a photo or a proof) for an operator's screen. */
    public ProofImage image(String key, String contentType) {
        try (InputStream in = storage.open(key)) {
            return new ProofImage(contentType, in.readAllBytes());
        } catch (Exception e) {
            throw Refusal.unavailable("PHOTO_STORE_UNAVAILABLE", "照片存储暂不可用，请稍后重试");
        }
    }

    /** The review a new candidate is gathering proofs into, if they have started one. */
    private Optional<ManualReview> gathering(UUID candidateId) {
        return find("candidate_id = ? and status = ?", candidateId, ManualReviewStatus.COLLECTING.name());
    }

    private UUID openGathering(Approval approval) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into manual_review (id, candidate_id, status, requested_reason, requested_at, bureau,
                    university_code)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, approval.candidateId(), ManualReviewStatus.COLLECTING.name(),
                        approval.cause() == null ? "PROOFS" : approval.cause().name(),
                        Timestamp.from(clock.instant()), approval.bureau(), approval.universityCode())
                .update();
        return id;
    }

    private String store(byte[] content, String contentType) {
        try {
            return storage.put(content, contentType);
        } catch (Exception e) {
            log.warn("Proof store unavailable: {}", e.toString());
            throw Refusal.unavailable("PHOTO_STORE_UNAVAILABLE", "照片存储暂不可用，请稍后重试");
        }
    }

    private void insert(Proof proof) {
        jdbc.sql("""
                insert into manual_review_proof (id, review_id, kind, object_key, content_type, byte_size, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(proof.id(), proof.reviewId(), proof.kind(), proof.objectKey(), proof.contentType(),
                        proof.byteSize(), Timestamp.from(proof.uploadedAt()))
                .update();
    }

    /** The one answer for a review that does not exist and for one outside the operator's scope. */
    static Refusal notFound() {
        return Refusal.notFound("MANUAL_REVIEW_NOT_FOUND", "人工审核记录不存在");
    }

    static final String SELECT = """
            select id, candidate_id, photo_id, status, requested_reason, decision_reason, decided_by, requested_at,
                decided_at, bureau, university_code, claimed_by, claimed_by_name, claimed_until from manual_review""";

    private Optional<ManualReview> find(String where, Object... keys) {
        return jdbc.sql(SELECT + " where " + where).params(keys).query(ManualReviewDesk::map).optional();
    }

    static ManualReview map(ResultSet rs, int row) throws SQLException {
        Timestamp decided = rs.getTimestamp(9);
        Timestamp claimedUntil = rs.getTimestamp(14);
        CaseClaim claim = claimedUntil == null ? null
                : new CaseClaim(rs.getString(12), rs.getString(13), claimedUntil.toInstant());
        return new ManualReview(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                ManualReviewStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getTimestamp(8).toInstant(), decided == null ? null : decided.toInstant(), rs.getString(10),
                rs.getString(11), claim);
    }

    record Proof(UUID id, UUID reviewId, String kind, String objectKey, String contentType, long byteSize,
            Instant uploadedAt) {
    }

    record ProofImage(String contentType, byte[] bytes) {
    }
}
