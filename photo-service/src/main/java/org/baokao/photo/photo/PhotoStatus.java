package org.baokao.photo.photo;

import org.baokao.domain.DomainModel;

/**
 * An upload's life: it passed the quality check and waits for the candidate (UPLOADED); the candidate confirms it
 * (SUBMITTED, compared with the public-security photo, PHO-4) or retakes (DISCARDED, superseded by a new upload).
 */
@DomainModel
public enum PhotoStatus {
    UPLOADED, SUBMITTED, DISCARDED;

    boolean canBecome(PhotoStatus next) {
        return this == UPLOADED && (next == SUBMITTED || next == DISCARDED);
    }
}
