package org.baokao.account.roster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A roster import is active while queued or running; done and failed are endings. */
class RosterImportStatusTest {

    @Test
    void queuedAndRunningAreActiveDoneAndFailedAreEndings() {
        assertThat(RosterImportStatus.QUEUED.isActive()).isTrue();
        assertThat(RosterImportStatus.RUNNING.isActive()).isTrue();
        assertThat(RosterImportStatus.DONE.isActive()).isFalse();
        assertThat(RosterImportStatus.FAILED.isActive()).isFalse();
    }
}
