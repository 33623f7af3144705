package org.baokao.enrollment.wizard;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import org.baokao.domain.DomainModel;

/**
 * What photo-service told us about a candidate's photo (ENR-2 step 2, ENR-5): the photo accepted last and how
 * its identity comparison stands. Photo events may arrive before the candidate starts the wizard, so this is
 * kept per candidate and copied onto their enrollments. Each method answers the state after one event; an
 * event about an earlier photo than the current one changes nothing (a retake restarts the comparison).
 */
@DomainModel
public record PhotoState(UUID photoId, Instant acceptedAt, IdentityStatus identity, int failedAttempts) {

    public static final PhotoState NONE = new PhotoState(null, null, IdentityStatus.NOT_VERIFIED, 0);

    public PhotoState {
        identity = identity == null ? IdentityStatus.NOT_VERIFIED : identity;
        // as PostgreSQL keeps it, so a stored state equals the one it was made from
        acceptedAt = acceptedAt == null ? null : acceptedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** What an enrollment keeps of it: the attempts are photo-service's business (PHO-5). */
    public PhotoState withoutAttempts() {
        return failedAttempts == 0 ? this : new PhotoState(photoId, acceptedAt, identity, 0);
    }

    /** The photo step counts as done once a photo was accepted. */
    public boolean isAccepted() {
        return photoId != null;
    }

    /** PhotoAccepted: a new photo, whose comparison now runs (核验中). */
    public PhotoState accepted(UUID photo, Instant at) {
        if (photo.equals(photoId)) {
            return this;
        }
        return new PhotoState(photo, at, IdentityStatus.VERIFYING, 0);
    }

    /** IdentityVerified: 比对通过. */
    public PhotoState verified(UUID photo, Instant at) {
        return isAbout(photo) ? new PhotoState(photo, acceptedAt != null ? acceptedAt : at, IdentityStatus.PASSED,
                failedAttempts) : this;
    }

    /** IdentityVerificationFailed: 比对未通过 (photo-service decides when to send manual review, PHO-5). */
    public PhotoState failed(UUID photo, int attempt, Instant at) {
        if (!isAbout(photo) || identity == IdentityStatus.PASSED || identity == IdentityStatus.MANUAL_REVIEW) {
            return this;
        }
        return new PhotoState(photo, acceptedAt != null ? acceptedAt : at, IdentityStatus.FAILED,
                Math.max(failedAttempts, attempt));
    }

    /** ManualReviewRequested: 人工审核中. */
    public PhotoState manualReviewRequested() {
        return identity == IdentityStatus.PASSED ? this
                : new PhotoState(photoId, acceptedAt, IdentityStatus.MANUAL_REVIEW, failedAttempts);
    }

    /** ManualReviewDecided: an operator's approval counts as 比对通过, a rejection as 比对未通过. */
    public PhotoState manualReviewDecided(boolean approved) {
        if (identity != IdentityStatus.MANUAL_REVIEW) {
            return this;
        }
        return new PhotoState(photoId, acceptedAt, approved ? IdentityStatus.PASSED : IdentityStatus.FAILED,
                failedAttempts);
    }

    // An outcome for the current photo, or for a photo whose acceptance we never saw (none yet): events of one
    // candidate arrive in order, so a different id than the current one is about an older photo.
    private boolean isAbout(UUID photo) {
        return photoId == null || Objects.equals(photoId, photo);
    }
}
