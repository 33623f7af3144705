package org.baokao.account.fileimport;

import java.time.Instant;
import java.util.UUID;

/**
 * Where an import stands. {@code kind} is the {@link ImportKind}'s name (ROSTER, EXISTING), {@code bureau} the bureau
 * it was uploaded for; {@code scope} is what it imports into (an exam's roster, a bureau's 在籍考生); {@code
 * percent} is processed / total rows (100 once DONE); {@code failureReason} says in Chinese why a FAILED import
 * stopped (rows of batches before the failure stay imported).
 */
public record ImportProgress(UUID importId, String kind, String bureau, String scope, String fileName, String format, String status,
        int total, int processed, int inserted, int updated, int unchanged, int rejected, int percent,
        String failureReason, String operator, Instant createdAt, Instant startedAt, Instant finishedAt) {
}
