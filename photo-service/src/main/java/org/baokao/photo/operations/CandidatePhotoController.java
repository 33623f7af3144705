package org.baokao.photo.operations;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.baokao.photo.photo.Photo;
import org.baokao.photo.operations.CandidatePhotoRecords.ApprovalRow;
import org.baokao.photo.photo.Photos;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * 考生查询 (OPS-3), a candidate's photo and identity result as photo-service keeps them, read-only: the approval of an
 * open-registration candidate (Shanghai: its bureau and 主考学校), the latest comparison with the public-security
 * photo, the latest manual review, and the photo confirmed last (its image too).
 * <p>
 * Scope with what this service knows: it does not know a candidate's exam city, so city operators are refused
 * (403); a university reviewer reads a candidate whose approval is their university's; another bureau's approval is
 * absent (404). A roster bureau's candidate (Shandong) has no approval, and this service does not know their bureau:
 * only bureau-wide roles read them, trusting the candidate id that the Candidates desk of account-service, which
 * checked the bureau, hands out.
 */
@RestController
class CandidatePhotoController {

    private final CandidatePhotoRecords records;
    private final Photos photos;

    CandidatePhotoController(CandidatePhotoRecords records, Photos photos) {
        this.records = records;
        this.photos = photos;
    }

    record CandidatePhoto(String status, String cause, int failedComparisons, String rejectionReason,
            String identityStatus, Instant identityDecidedAt, String manualReview, UUID photoId, Instant photoTakenAt,
            Instant updatedAt) {
    }

    @GetMapping("/api/photos/operations/candidates/{candidateId}/photo")
    CandidatePhoto photo(Operator operator, @PathVariable String candidateId) {
        UUID id = inScope(operator, candidateId);
        Optional<ApprovalRow> approval = records.approval(id);
        Optional<CandidatePhotoRecords.CheckRow> check = records.latestCheck(id);
        Optional<String> review = records.latestReview(id);
        Optional<Photo> photo = current(id);
        int failures = approval.map(ApprovalRow::failures).orElseGet(() -> records.mismatches(id));
        return new CandidatePhoto(approval.map(ApprovalRow::status).orElse(null),
                approval.map(ApprovalRow::cause).orElse(null), failures,
                approval.map(ApprovalRow::reason).orElse(null), check.map(CandidatePhotoRecords.CheckRow::status).orElse(null),
                check.map(CandidatePhotoRecords.CheckRow::decidedAt).orElse(null), review.orElse(null), photo.map(Photo::id).orElse(null),
                photo.map(Photo::createdAt).orElse(null), approval.map(ApprovalRow::changedAt).orElse(null));
    }

    @GetMapping("/api/photos/operations/candidates/{candidateId}/photo/image")
    ResponseEntity<byte[]> image(Operator operator, @PathVariable String candidateId) {
        UUID id = inScope(operator, candidateId);
        Photo photo = current(id).orElseThrow(() -> Refusal.notFound("PHOTO_NOT_FOUND", "照片不存在"));
        byte[] bytes = photos.normalizedBytes(photo).orElseThrow(() -> Refusal.unavailable(
                "PHOTO_STORE_UNAVAILABLE", "照片存储暂不可用，请稍后重试"));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.noStore()).body(bytes);
    }

    /** The candidate's id once the role and the scope allow them; 403 for a role outside, 404 outside the scope. */
    private UUID inScope(Operator operator, String candidateId) {
        operator.require(OperatorRole.BUREAU_ADMIN, OperatorRole.UNIVERSITY_REVIEWER, OperatorRole.AUDITOR);
        UUID id;
        try {
            id = UUID.fromString(candidateId);
        } catch (IllegalArgumentException e) {
            throw Operator.outOfScope();
        }
        Optional<ApprovalRow> approval = records.approval(id);
        boolean visible = approval.isPresent()
                ? operator.sees(approval.get().bureau(), null,
                        approval.get().university() == null ? Set.of() : Set.of(approval.get().university()))
                : operator.seesWholeBureau();
        if (!visible) {
            throw Operator.outOfScope();
        }
        return id;
    }

    private Optional<Photo> current(UUID id) {
        try {
            return Optional.of(photos.current(id));
        } catch (Refusal notYet) {
            return Optional.empty();
        }
    }

}
