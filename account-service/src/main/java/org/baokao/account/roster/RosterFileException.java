package org.baokao.account.roster;

import java.util.List;

/**
 * A roster file refused as a whole (empty, not a spreadsheet, broken CSV quoting, missing columns...): nothing
 * of it is stored. {@link #code()} is stable, the message is Chinese for the operator, and {@link #columns()}
 * lists the columns concerned when there are any (missing or repeated headers).
 */
class RosterFileException extends RuntimeException {

    static final String EMPTY = "ROSTER_FILE_EMPTY";
    static final String NO_ROWS = "ROSTER_NO_ROWS";
    static final String TOO_MANY_ROWS = "ROSTER_TOO_MANY_ROWS";
    static final String XLSX_INVALID = "ROSTER_XLSX_INVALID";
    static final String XLS_UNSUPPORTED = "ROSTER_XLS_UNSUPPORTED";
    static final String CSV_MALFORMED = "ROSTER_CSV_MALFORMED";
    static final String ENCODING = "ROSTER_ENCODING_UNSUPPORTED";
    static final String HEADER_MISSING = "ROSTER_HEADER_MISSING";
    static final String HEADER_DUPLICATE = "ROSTER_HEADER_DUPLICATE";

    private final String code;
    private final List<String> columns;

    RosterFileException(String code, String chineseMessage) {
        this(code, chineseMessage, List.of());
    }

    RosterFileException(String code, String chineseMessage, List<String> columns) {
        super(chineseMessage, null, false, false);
        this.code = code;
        this.columns = List.copyOf(columns);
    }

    String code() {
        return code;
    }

    List<String> columns() {
        return columns;
    }
}
