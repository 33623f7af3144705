package org.baokao.enrollment.lists;

import java.io.IOException;
import java.util.List;

/**
 * Writes an export's table (its header given when made) group by group: {@link #group} starts a group (an XLSX sheet
 * with the header; a CSV carries the group in each row's first column), {@link #row} adds a row of cells (String or
 * Number), {@link #finish} completes the file, also one without rows (the header alone).
 */
interface TableWriter {

    void group(String title) throws IOException;

    void row(List<Object> cells) throws IOException;

    void finish() throws IOException;
}
