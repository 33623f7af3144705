package org.baokao.tabular;

import java.util.List;

/**
 * An uploaded file refused as a whole (empty, not a spreadsheet, broken CSV quoting, missing columns...): nothing
 * of it is stored. {@link #fault()} says what is wrong; each kind of import turns it into a stable code of its own
 * ({@link #codeFor}: {@code ROSTER_CSV_MALFORMED}, {@code EXISTING_CSV_MALFORMED}). The message is Chinese for the
 * operator, and {@link #columns()} lists the columns concerned when there are any (missing or repeated headers).
 */
public class ImportFileException extends RuntimeException {

    /** What is wrong with the file; the name is the end of the problem code. */
    public enum Fault {
        FILE_EMPTY,
        NO_ROWS,
        TOO_MANY_ROWS,
        XLSX_INVALID,
        XLS_UNSUPPORTED,
        CSV_MALFORMED,
        ENCODING_UNSUPPORTED,
        HEADER_MISSING,
        HEADER_DUPLICATE
    }

    private final Fault fault;
    private final List<String> columns;

    public ImportFileException(Fault fault, String chineseMessage) {
        this(fault, chineseMessage, List.of());
    }

    public ImportFileException(Fault fault, String chineseMessage, List<String> columns) {
        super(chineseMessage, null, false, false);
        this.fault = fault;
        this.columns = List.copyOf(columns);
    }

    public Fault fault() {
        return fault;
    }

    /** The problem code of this refusal in an import whose codes start with {@code prefix}, e.g. ROSTER_NO_ROWS. */
    public String codeFor(String prefix) {
        return prefix + "_" + fault.name();
    }

    public List<String> columns() {
        return columns;
    }
}
