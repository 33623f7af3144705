package org.baokao.photo.photo;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.events.photo.PhotoAccepted;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.photo.approval.Approvals;
import org.baokao.photo.enrollment.ConfirmedEnrollments;
import org.baokao.photo.identity.IdentityChecks;
import org.baokao.photo.quality.NormalizedPhoto;
import org.baokao.photo.quality.PhotoQualityCheck;
import org.baokao.photo.storage.PhotoStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The photo step (PHO-2, PHO-3): an upload is checked first (a rejected photo stores nothing), then both copies go
 * to object storage under random keys and the row is recorded; confirming it publishes PhotoAccepted (→ 核验中)
 * through the outbox and queues the identity comparison (PHO-4) in the same transaction.
 */
@Service
public class Photos {

    private static final Logger log = LoggerFactory.getLogger(Photos.class);

    private final PhotoQualityCheck quality;
    private final PhotoStorage storage;
    private final PhotoRepository photos;
    private final ConfirmedEnrollments confirmed;
    private final IdentityChecks identityChecks;
    private final Approvals approvals;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Photos(PhotoQualityCheck quality, PhotoStorage storage, PhotoRepository photos, ConfirmedEnrollments confirmed,
            IdentityChecks identityChecks, Approvals approvals, Outbox outbox, TransactionTemplate transactions,
            Clock clock) {
        this.quality = quality;
        this.storage = storage;
        this.photos = photos;
        this.confirmed = confirmed;
        this.identityChecks = identityChecks;
        this.approvals = approvals;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Photo upload(UUID candidateId, byte[] content) {
        return upload(candidateId, content, photo -> {
        });
    }

    /**
     * An upload whose row is recorded together with {@code alsoInTransaction} (a capture link marking itself used,
     * PHO-1); if that throws, no photo row is recorded.
     */
    public Photo upload(UUID candidateId, byte[] content, java.util.function.Consumer<Photo> alsoInTransaction) {
        refuseAfterConfirmation(candidateId);
        identityChecks.refuseWhileLocked(candidateId);
        NormalizedPhoto normalized = quality.check(content);
        String originalType = normalized.originalFormat().equals("PNG") ? "image/png" : "image/jpeg";
        String originalKey;
        String normalizedKey;
        try {
            originalKey = storage.put(content, originalType);
            normalizedKey = storage.put(normalized.jpeg(), "image/jpeg");
        } catch (Exception e) {
            log.warn("Photo store unavailable: {}", e.toString());
            throw Refusal.unavailable("PHOTO_STORE_UNAVAILABLE", "照片存储暂不可用，请稍后重试");
        }
        Photo photo = new Photo(UUID.randomUUID(), candidateId, originalKey, normalizedKey, originalType,
                content.length, PhotoStatus.UPLOADED, clock.instant(), null);
        transactions.executeWithoutResult(status -> {
            photos.discardPending(candidateId);
            photos.insert(photo);
            alsoInTransaction.accept(photo);
        });
        return photo;
    }

    /**
     * The candidate keeps this photo: it is compared with the public-security photo from now on, unless the
     * candidate's approval (a new candidate of an open registration, SST-2) is past the automatic path (another
     * document than a 居民身份证, a special major, proofs after the third failure): then it is only kept for the review.
     */
    public Photo submit(UUID candidateId, UUID photoId) {
        refuseAfterConfirmation(candidateId);
        return transactions.execute(status -> {
            identityChecks.refuseWhileLocked(candidateId);
            Photo photo = photos.findOwn(candidateId, photoId, true).orElseThrow(Photos::notFound);
            Instant now = clock.instant();
            Photo submitted = photo.moveTo(PhotoStatus.SUBMITTED, now);
            photos.update(submitted);
            if (approvals.photoSubmitted(candidateId, photoId, now)) {
                identityChecks.queue(candidateId, photoId, now);
            }
            outbox.publish(new PhotoAccepted(photoId, candidateId, now));
            return submitted;
        });
    }

    /** The candidate's own photo; another candidate's id is 404 (never 403: ids must not be probed). */
    public Photo own(UUID candidateId, UUID photoId) {
        return photos.findOwn(candidateId, photoId, false).orElseThrow(Photos::notFound);
    }

    /**
     * The candidate's photo: the one they confirmed last (an upload not confirmed is not theirs yet); 404
     * {@code PHOTO_NOT_FOUND} before they confirmed one.
     */
    public Photo current(UUID candidateId) {
        return photos.lastSubmitted(candidateId).orElseThrow(Photos::notFound);
    }

    public Photo any(UUID photoId) {
        return photos.find(photoId).orElseThrow(Photos::notFound);
    }

    public Optional<byte[]> normalizedBytes(Photo photo) {
        try (var in = storage.open(photo.normalizedKey())) {
            return Optional.of(in.readAllBytes());
        } catch (Exception e) {
            log.warn("Photo {} unreadable from store: {}", photo.id(), e.toString());
            return Optional.empty();
        }
    }

    public String presignedUrl(Photo photo, int seconds) {
        try {
            return storage.presignedGet(photo.normalizedKey(), seconds);
        } catch (Exception e) {
            throw Refusal.unavailable("PHOTO_STORE_UNAVAILABLE", "照片存储暂不可用，请稍后重试");
        }
    }

    private void refuseAfterConfirmation(UUID candidateId) {
        if (confirmed.isConfirmed(candidateId)) {
            throw Refusal.conflict("ENROLLMENT_CONFIRMED", "报名信息已确认，照片不能再更换");
        }
    }

    static Refusal notFound() {
        return Refusal.notFound("PHOTO_NOT_FOUND", "照片不存在");
    }
}
