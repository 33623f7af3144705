package org.baokao.account.existing;

import java.time.Instant;
import java.util.UUID;

import org.baokao.account.fileimport.ImportProgress;

/**
 * Where a 在籍考生 import stands, as the operators' API answers it: the bureau it imports into, then as a roster
 * import's progress. {@code inserted} counts rows whose candidate got an account, {@code updated} rows that added a
 * university + major (or a phone, e-mail, 准考证号) to an existing account, {@code unchanged} rows already held.
 */
public record ExistingImportProgress(UUID importId, String bureau, String fileName, String format, String status,
        int total, int processed, int inserted, int updated, int unchanged, int rejected, int percent,
        String failureReason, String operator, Instant createdAt, Instant startedAt, Instant finishedAt) {

    static ExistingImportProgress of(ImportProgress job) {
        return new ExistingImportProgress(job.importId(), job.scope(), job.fileName(), job.format(), job.status(),
                job.total(), job.processed(), job.inserted(), job.updated(), job.unchanged(), job.rejected(),
                job.percent(), job.failureReason(), job.operator(), job.createdAt(), job.startedAt(),
                job.finishedAt());
    }
}
