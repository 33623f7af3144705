package org.baokao.account.roster;

import java.time.Instant;
import java.util.UUID;

import org.baokao.account.fileimport.ImportProgress;

/**
 * Where a roster import stands, as the operators' API answers it. {@code percent} is processed / total rows (100
 * once DONE); {@code failureReason} says in Chinese why a FAILED import stopped (rows of batches before the failure
 * stay imported).
 */
public record RosterImportProgress(UUID importId, String examCode, String fileName, String format, String status,
        int total, int processed, int inserted, int updated, int unchanged, int rejected, int percent,
        String failureReason, String operator, Instant createdAt, Instant startedAt, Instant finishedAt) {

    static RosterImportProgress of(ImportProgress job) {
        return new RosterImportProgress(job.importId(), job.scope(), job.fileName(), job.format(), job.status(),
                job.total(), job.processed(), job.inserted(), job.updated(), job.unchanged(), job.rejected(),
                job.percent(), job.failureReason(), job.operator(), job.createdAt(), job.startedAt(),
                job.finishedAt());
    }
}
