package org.baokao.photo.review;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.domain.operator.CaseClaim;
import org.baokao.domain.Refusal;
import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.baokao.photo.approval.ProofKind;
import org.baokao.web.bureau.BureauProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Manual review (PHO-5). Candidate: add proof images, look at them, submit them (a new candidate of an open
 * registration), see their review. Operators (the review desk, OPS-3): the queue with filters and paging, one case with
 * the photo, the proofs and the comparisons side by side (images through the service), 领取 / 释放 and 通过 / 不通过 by
 * the claim's holder. Roles: bureau-admin and university-reviewer decide, auditor reads, anyone else 403; a reviewer
 * sees only their university's reviews and every operator only their bureau's (404 outside, {@link ReviewerScope}).
 */
@RestController
class ManualReviewController {

    /** Who reads the review desk, and who decides there (auditors read, never change). */
    static final OperatorRole[] READERS = { OperatorRole.BUREAU_ADMIN, OperatorRole.UNIVERSITY_REVIEWER,
            OperatorRole.AUDITOR };
    static final OperatorRole[] DECIDERS = { OperatorRole.BUREAU_ADMIN, OperatorRole.UNIVERSITY_REVIEWER };

    private final ManualReviewDesk desk;
    private final ManualReviewQueue queue;
    private final ManualReviewClaims claims;
    private final BureauProperties bureaus;

    ManualReviewController(ManualReviewDesk desk, ManualReviewQueue queue, ManualReviewClaims claims,
            BureauProperties bureaus) {
        this.desk = desk;
        this.queue = queue;
        this.claims = claims;
        this.bureaus = bureaus;
    }

    @PostMapping("/api/photos/manual-reviews/proofs")
    @PreAuthorize("hasRole('candidate')")
    ResponseEntity<ProofView> addProof(@AuthenticationPrincipal Jwt token, @RequestParam("kind") String kind,
            @RequestParam("proof") MultipartFile file) throws IOException {
        ManualReviewDesk.Proof proof = desk.addProof(candidate(token), kind, file.getBytes());
        return ResponseEntity.status(HttpStatus.CREATED).body(new ProofView(proof.id(), proof.kind(),
                proof.uploadedAt(), null));
    }

    @GetMapping("/api/photos/manual-reviews/mine")
    @PreAuthorize("hasRole('candidate')")
    ReviewView mine(@AuthenticationPrincipal Jwt token) {
        ManualReview review = desk.latestOf(candidate(token))
                .orElseThrow(() -> Refusal.notFound("MANUAL_REVIEW_NOT_FOUND", "人工审核记录不存在"));
        return view(review);
    }

    /** 提交审核 (a new candidate of an open registration): 400 {@code PROOFS_MISSING} names the proofs still missing. */
    @PostMapping("/api/photos/manual-reviews/mine/submit")
    @PreAuthorize("hasRole('candidate')")
    ReviewView submit(@AuthenticationPrincipal Jwt token) {
        return view(desk.submit(candidate(token)));
    }

    /** One of the candidate's own proof images, through the service (never cached by shared caches). */
    @GetMapping("/api/photos/manual-reviews/mine/proofs/{proofId}/image")
    @PreAuthorize("hasRole('candidate')")
    ResponseEntity<byte[]> proofImage(@AuthenticationPrincipal Jwt token, @PathVariable UUID proofId) {
        ManualReviewDesk.ProofImage image = desk.ownProofImage(candidate(token), proofId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(CacheControl.noStore()).body(image.bytes());
    }

    @GetMapping("/api/photos/operations/manual-reviews")
    QueuePage list(Operator operator, @RequestParam(required = false) String status,
            @RequestParam(required = false) String reason, @RequestParam(required = false) Boolean specialMajor,
            @RequestParam(required = false) String university, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        operator.require(READERS);
        ReviewFilter filter = ReviewFilter.of(status, reason, specialMajor, university, from, to, page, size);
        ManualReviewQueue.Page<ManualReviewQueue.Listed> found = queue.list(filter, scope(operator));
        Instant now = claims.now();
        return new QueuePage(found.items().stream().map(listed -> queued(listed, operator, now)).toList(),
                found.total(), found.page(), found.size());
    }

    @GetMapping("/api/photos/operations/manual-reviews/{id}")
    CaseView get(Operator operator, @PathVariable UUID id) {
        operator.require(READERS);
        return caseView(queue.get(id, scope(operator)), operator);
    }

    /** The photo the review looks at (the normalized copy), through the service: never cached by shared caches. */
    @GetMapping("/api/photos/operations/manual-reviews/{id}/photo")
    ResponseEntity<byte[]> photo(Operator operator, @PathVariable UUID id) {
        operator.require(READERS);
        ManualReview review = queue.get(id, scope(operator)).review();
        String key = review.photoId() == null ? null : queue.photoKey(review.photoId()).orElse(null);
        if (key == null) {
            throw Refusal.notFound("PHOTO_NOT_FOUND", "该审核尚无照片");
        }
        return image(desk.image(key, MediaType.IMAGE_JPEG_VALUE));
    }

    @GetMapping("/api/photos/operations/manual-reviews/{id}/proofs/{proofId}/image")
    ResponseEntity<byte[]> operatorProofImage(Operator operator, @PathVariable UUID id, @PathVariable UUID proofId) {
        operator.require(READERS);
        ManualReview review = queue.get(id, scope(operator)).review();
        ManualReviewDesk.Proof proof = desk.proofs(review.id()).stream().filter(p -> p.id().equals(proofId))
                .findFirst().orElseThrow(() -> Refusal.notFound("PROOF_NOT_FOUND", "证明材料不存在"));
        return image(desk.image(proof.objectKey(), proof.contentType()));
    }

    /** 领取: the operator holds the case for a while (409 {@code REVIEW_CLAIMED} names who holds it). */
    @PostMapping("/api/photos/operations/manual-reviews/{id}/claim")
    CaseView claim(Operator operator, @PathVariable UUID id) {
        operator.require(DECIDERS);
        claims.claim(id, operator, scope(operator));
        return get(operator, id);
    }

    /** 释放: the holder gives the case back to the queue. */
    @DeleteMapping("/api/photos/operations/manual-reviews/{id}/claim")
    CaseView release(Operator operator, @PathVariable UUID id) {
        operator.require(DECIDERS);
        claims.release(id, operator, scope(operator));
        return get(operator, id);
    }

    /** 通过 / 不通过 by the holder of a live claim; rejecting needs a reason (chosen or typed). */
    @PostMapping("/api/photos/operations/manual-reviews/{id}/decision")
    CaseView decide(Operator operator, @PathVariable UUID id, @RequestBody(required = false) Decision decision) {
        operator.require(DECIDERS);
        if (decision == null || decision.approved() == null) {
            throw Refusal.invalid("DECISION_REQUIRED", "请选择通过或不通过");
        }
        claims.decide(id, decision.approved(), decision.reason(), operator, scope(operator));
        return get(operator, id);
    }

    private ReviewerScope scope(Operator operator) {
        return ReviewerScope.of(operator, bureaus.defaultCode());
    }

    private static ResponseEntity<byte[]> image(ManualReviewDesk.ProofImage image) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(CacheControl.noStore()).header("X-Content-Type-Options", "nosniff").body(image.bytes());
    }

    private QueuedView queued(ManualReviewQueue.Listed listed, Operator operator, Instant now) {
        ManualReview review = listed.review();
        return new QueuedView(review.id(), review.candidateId(), review.status().name(), review.status().label(),
                review.requestedReason(), RequestedReason.labelOf(review.requestedReason()), review.bureau(),
                review.universityCode(), listed.majorCode(), listed.specialMajor(), listed.idType(),
                review.requestedAt(), review.decidedAt(), review.decidedBy(), review.decisionReason(),
                claimView(review, operator, now));
    }

    private CaseView caseView(ManualReviewQueue.Listed listed, Operator operator) {
        ManualReview review = listed.review();
        String base = "/api/photos/operations/manual-reviews/" + review.id();
        List<ManualReviewQueue.Comparison> comparisons = queue.comparisons(review.candidateId());
        List<CaseProof> proofs = desk.proofs(review.id()).stream()
                .map(p -> new CaseProof(p.id(), p.kind(), ProofKind.of(p.kind()).map(ProofKind::displayName).orElse(p.kind()), p.uploadedAt(),
                        base + "/proofs/" + p.id() + "/image"))
                .toList();
        return new CaseView(queued(listed, operator, claims.now()), review.photoId() == null ? null : base + "/photo",
                proofs, comparisons, ManualReviewQueue.failures(comparisons));
    }

    private static ClaimView claimView(ManualReview review, Operator operator, Instant now) {
        CaseClaim live = review.liveClaim(now);
        return live == null ? null
                : new ClaimView(live.holder(), live.until(), live.subject().equals(operator.subject()));
    }

    private static UUID candidate(Jwt token) {
        try {
            return UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("MANUAL_REVIEW_NOT_FOUND", "人工审核记录不存在");
        }
    }

    /** The candidate's own review (their page). */
    private ReviewView view(ManualReview review) {
        List<ProofView> proofs = desk.proofs(review.id()).stream()
                .map(p -> new ProofView(p.id(), p.kind(), p.uploadedAt(), null))
                .toList();
        return new ReviewView(review.id(), review.candidateId(), review.photoId(), review.status().name(),
                review.status().label(), review.requestedReason(), review.decisionReason(), review.requestedAt(),
                review.decidedAt(), null, proofs, review.bureau(), review.universityCode());
    }

    record Decision(Boolean approved, String reason) {
    }

    record ProofView(UUID id, String kind, Instant uploadedAt, String link) {
    }

    /** The candidate's view; {@code photoLink} and the proofs' {@code link} are always null (kept for the page). */
    record ReviewView(UUID id, UUID candidateId, UUID photoId, String status, String statusText,
            String requestedReason, String decisionReason, Instant requestedAt, Instant decidedAt, String photoLink,
            List<ProofView> proofs, String bureau, String universityCode) {
    }

    /** The desk's page of the queue (OPS-3 paging). */
    record QueuePage(List<QueuedView> items, long total, int page, int size) {
    }

    /**
     * A review in the desk's queue: no candidate data beyond the codes (photo-service keeps none); {@code claim} is
     * who holds it now (null: nobody), {@code mine} whether it is the asking operator.
     */
    record QueuedView(UUID id, UUID candidateId, String status, String statusText, String requestedReason,
            String requestedReasonText, String bureau, String universityCode, String majorCode, boolean specialMajor,
            String idType, Instant requestedAt, Instant decidedAt, String decidedBy, String decisionReason,
            ClaimView claim) {
    }

    record ClaimView(String holder, Instant until, boolean mine) {
    }

    record CaseProof(UUID id, String kind, String kindText, Instant uploadedAt, String image) {
    }

    /** One case side by side: the photo, the proofs and the comparisons with the public-security photo. */
    record CaseView(QueuedView review, String photo, List<CaseProof> proofs,
            List<ManualReviewQueue.Comparison> comparisons, long failedComparisons) {
    }
}
