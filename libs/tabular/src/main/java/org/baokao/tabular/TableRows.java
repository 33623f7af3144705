package org.baokao.tabular;

import java.io.Closeable;
import java.io.IOException;

/** Reads an uploaded table (CSV or the first sheet of an .xlsx) row by row, never the whole file at once. */
public interface TableRows extends Closeable {

    /** The next row (blank rows included), or {@code null} at the end; a broken file throws {@link ImportFileException}. */
    SourceRow next() throws IOException;

    /** The next row with at least one non-blank cell, or {@code null} at the end. */
    default SourceRow nextNonBlank() throws IOException {
        SourceRow row;
        do {
            row = next();
        } while (row != null && row.blank());
        return row;
    }
}
