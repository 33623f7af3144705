package org.baokao.account.fileimport;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The operators' file imports (rosters, ACC-3; 在籍考生, ACC-9), under {@code baokao.imports}: one set of limits and
 * one queue for every kind.
 *
 * @param maxFileSize   larger uploads are refused with 413 (keep {@code spring.servlet.multipart.max-file-size}
 *                      above it, so the refusal says this limit)
 * @param maxRows       data rows one file may have
 * @param batchSize     rows per database transaction (and progress step)
 * @param workers       imports running at the same time in one instance
 * @param queueCapacity imports waiting in one instance; more are refused with 429
 * @param workDir       where uploads wait for their job (default: a folder in the system temp directory)
 * @param staleAfter    a QUEUED or RUNNING job whose instance has not touched it for this long is marked FAILED
 * @param sweepEvery    how often an instance touches its own jobs and looks for abandoned ones
 */
@ConfigurationProperties("baokao.imports")
public record ImportProperties(
        @DefaultValue("50MB") DataSize maxFileSize,
        @DefaultValue("1000000") int maxRows,
        @DefaultValue("1000") int batchSize,
        @DefaultValue("1") int workers,
        @DefaultValue("8") int queueCapacity,
        Path workDir,
        @DefaultValue("2m") Duration staleAfter,
        @DefaultValue("30s") Duration sweepEvery) {

    public ImportProperties {
        if (batchSize < 1 || workers < 1 || queueCapacity < 1 || maxRows < 1) {
            throw new IllegalArgumentException(
                    "baokao.imports.batch-size, workers, queue-capacity and max-rows must be at least 1");
        }
        if (workDir == null) {
            workDir = Path.of(System.getProperty("java.io.tmpdir"), "baokao-imports");
        }
    }
}
