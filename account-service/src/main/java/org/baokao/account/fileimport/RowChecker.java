package org.baokao.account.fileimport;

import java.util.List;
import org.baokao.tabular.RowError;
import org.baokao.tabular.SourceRow;

/**
 * Checks the rows of one file of an import kind, reporting every problem of a row, not just the first. One checker
 * per file: it may remember what it saw (a document twice). Not thread-safe.
 *
 * @param <R> the checked row
 */
public interface RowChecker<R> {

    Checked<R> check(SourceRow source);

    /** The checked row, or its errors. */
    record Checked<R>(R row, List<RowError> errors) {

        public static <R> Checked<R> accepted(R row) {
            return new Checked<>(row, List.of());
        }

        public static <R> Checked<R> refused(List<RowError> errors) {
            return new Checked<>(null, List.copyOf(errors));
        }

        public boolean isAccepted() {
            return row != null;
        }
    }
}
