package org.baokao.photo.review;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Manual review (PHO-5). Candidate: add proof images, look at them, submit them (a new candidate of an open
 * registration), see their review. Operator: list, view (with presigned links to the photo and the proofs), approve
 * or reject with a reason — a reviewer whose token names a university (claim {@code university}) only that
 * university's reviews.
 */
@RestController
class ManualReviewController {

    static final int LINK_SECONDS = 300;
    static final String UNIVERSITY_CLAIM = "university";

    private final ManualReviewDesk desk;

    ManualReviewController(ManualReviewDesk desk) {
        this.desk = desk;
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
        return view(review, false);
    }

    /** 提交审核 (a new candidate of an open registration): 400 {@code PROOFS_MISSING} names the proofs still missing. */
    @PostMapping("/api/photos/manual-reviews/mine/submit")
    @PreAuthorize("hasRole('candidate')")
    ReviewView submit(@AuthenticationPrincipal Jwt token) {
        return view(desk.submit(candidate(token)), false);
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
    @PreAuthorize("hasRole('operator')")
    List<ReviewView> list(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) String status) {
        return desk.list(status, scope(token)).stream().map(review -> view(review, false)).toList();
    }

    @GetMapping("/api/photos/operations/manual-reviews/{id}")
    @PreAuthorize("hasRole('operator')")
    ReviewView get(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return view(desk.get(id, scope(token)), true);
    }

    @PostMapping("/api/photos/operations/manual-reviews/{id}/decision")
    @PreAuthorize("hasRole('operator')")
    ReviewView decide(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @RequestBody Decision decision) {
        if (decision == null || decision.approved() == null) {
            throw Refusal.invalid("DECISION_REQUIRED", "请选择通过或驳回");
        }
        String operator = token.getClaimAsString("preferred_username") != null
                ? token.getClaimAsString("preferred_username") : token.getSubject();
        return view(desk.decide(id, decision.approved(), decision.reason(), operator, scope(token)), true);
    }

    private ReviewView view(ManualReview review, boolean withLinks) {
        String photoLink = withLinks && review.photoId() != null
                ? desk.link(desk.photoKey(review.photoId()), LINK_SECONDS) : null;
        List<ProofView> proofs = desk.proofs(review.id()).stream()
                .map(p -> new ProofView(p.id(), p.kind(), p.uploadedAt(),
                        withLinks ? desk.link(p.objectKey(), LINK_SECONDS) : null))
                .toList();
        return new ReviewView(review.id(), review.candidateId(), review.photoId(), review.status().name(),
                review.status().label(), review.requestedReason(), review.decisionReason(), review.requestedAt(),
                review.decidedAt(), photoLink, proofs, review.bureau(), review.universityCode());
    }

    private static ReviewerScope scope(Jwt token) {
        return ReviewerScope.ofClaim(token.getClaimAsString(UNIVERSITY_CLAIM));
    }

    private static UUID candidate(Jwt token) {
        try {
            return UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("MANUAL_REVIEW_NOT_FOUND", "人工审核记录不存在");
        }
    }

    record Decision(Boolean approved, String reason) {
    }

    record ProofView(UUID id, String kind, Instant uploadedAt, String link) {
    }

    /** {@code bureau} and {@code universityCode}: a new candidate's (open registration), null for a roster bureau's. */
    record ReviewView(UUID id, UUID candidateId, UUID photoId, String status, String statusText,
            String requestedReason, String decisionReason, Instant requestedAt, Instant decidedAt, String photoLink,
            List<ProofView> proofs, String bureau, String universityCode) {
    }
}
