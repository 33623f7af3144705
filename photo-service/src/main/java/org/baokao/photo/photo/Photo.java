package org.baokao.photo.photo;

import java.time.Instant;
import java.util.UUID;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;

/** One accepted upload of a candidate: where its two copies are stored and whether the candidate kept it. */
@DomainModel
public record Photo(UUID id, UUID candidateId, String originalKey, String normalizedKey, String contentType,
        long byteSize, PhotoStatus status, Instant createdAt, Instant submittedAt) {

    Photo moveTo(PhotoStatus next, Instant at) {
        if (!status.canBecome(next)) {
            throw Refusal.conflict("PHOTO_NOT_PENDING", "该照片已确认或已被替换，不能再次操作");
        }
        return new Photo(id, candidateId, originalKey, normalizedKey, contentType, byteSize, next, createdAt,
                next == PhotoStatus.SUBMITTED ? at : submittedAt);
    }
}
