package org.baokao.account.fileimport;

import java.util.List;
import java.util.UUID;
import org.baokao.tabular.ImportColumn;
import org.baokao.tabular.RowError;
import org.baokao.tabular.TableHeader;

/**
 * One kind of operator import (a roster, 在籍考生) as {@link ImportJobs} runs it: the columns of its files, how a row
 * is checked, how a batch of checked rows is written. Everything else (formats, the whole-file check, the job and its
 * progress, refused rows, limits, restarts) is the same for every kind.
 *
 * @param <R> a checked row
 */
public interface ImportKind<R> {

    /** Stored with each job ({@code import_job.kind}): a job is only found through its own kind. At most 20 characters. */
    String name();

    /** Starts the problem codes of this kind's refusals: {@code ROSTER} → {@code ROSTER_NO_ROWS}. */
    String codePrefix();

    /** What the operator uploads, in Chinese, for the refusals: 考生名单. */
    String fileNoun();

    /** The audit action of an operator's upload (OPS-3), e.g. {@code roster.import}. */
    String auditAction();

    List<? extends ImportColumn> columns();

    /** A checker for one file with this header. */
    RowChecker<R> checker(TableHeader header);

    /**
     * Prepares a batch of checked rows of scope {@code scope} (an exam, a bureau) outside any transaction (sealing,
     * hashing): what is slow must not hold a database connection.
     */
    PreparedBatch prepare(String scope, List<R> rows);

    /** A batch ready to be written. */
    interface PreparedBatch {

        /**
         * Writes the batch inside the transaction that also stores its refused rows and the job's counts, the scope's
         * advisory lock held (no other batch of the same kind and scope runs meanwhile).
         */
        Written write(UUID importId);
    }

    /**
     * What a batch did with its rows: each accepted row is inserted, updated or unchanged, or refused after all for
     * what is stored (e.g. a number another account holds), with its errors.
     */
    record Written(int inserted, int updated, int unchanged, int rejected, List<RowError> errors) {

        public Written(int inserted, int updated, int unchanged) {
            this(inserted, updated, unchanged, 0, List.of());
        }
    }
}
