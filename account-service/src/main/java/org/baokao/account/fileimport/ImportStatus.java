package org.baokao.account.fileimport;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Transitions;

/**
 * An import job (a roster, 在籍考生): QUEUED when the file is accepted, RUNNING on the instance that holds the upload,
 * then DONE, or FAILED (a refused file, a crash, an instance that stopped holding it). DONE and FAILED are final.
 */
@DomainModel
enum ImportStatus {
    QUEUED,
    RUNNING,
    DONE,
    FAILED;

    private static final Transitions<ImportStatus> TRANSITIONS = Transitions.of(ImportStatus.class)
            .allow(QUEUED, RUNNING, FAILED)
            .allow(RUNNING, DONE, FAILED);

    /** Waiting or running: an instance is (or should be) working on it. */
    boolean isActive() {
        return !TRANSITIONS.isFinal(this);
    }
}
