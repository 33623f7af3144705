package org.baokao.account.fileimport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An import is active while queued or running; done and failed are endings. */
class ImportStatusTest {

    @Test
    void queuedAndRunningAreActiveDoneAndFailedAreEndings() {
        assertThat(ImportStatus.QUEUED.isActive()).isTrue();
        assertThat(ImportStatus.RUNNING.isActive()).isTrue();
        assertThat(ImportStatus.DONE.isActive()).isFalse();
        assertThat(ImportStatus.FAILED.isActive()).isFalse();
    }
}
