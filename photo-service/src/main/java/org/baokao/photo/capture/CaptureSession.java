package org.baokao.photo.capture;

import java.time.Instant;
import java.util.UUID;

import org.baokao.domain.DomainModel;

/**
 * A capture session (PHO-1) and its small state machine: OPEN until the phone uploads through the link (UPLOADED)
 * or the desktop opens another session (CLOSED); an OPEN session past {@code expiresAt} is expired. The link works
 * exactly once, and only while OPEN and not expired.
 */
@DomainModel
record CaptureSession(UUID id, UUID candidateId, Status status, UUID photoId, Instant createdAt, Instant expiresAt,
        Instant usedAt) {

    enum Status { OPEN, UPLOADED, CLOSED }

    boolean expiredAt(Instant now) {
        return status == Status.OPEN && !now.isBefore(expiresAt);
    }

    /** What the link answers now: usable, or why not (in the order the phone user should hear it). */
    LinkState linkState(Instant now) {
        if (status == Status.UPLOADED) {
            return LinkState.USED;
        }
        if (status == Status.CLOSED) {
            return LinkState.REPLACED;
        }
        return expiredAt(now) ? LinkState.EXPIRED : LinkState.USABLE;
    }

    enum LinkState { USABLE, USED, EXPIRED, REPLACED }
}
