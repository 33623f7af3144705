package org.baokao.account.roster;

import static org.baokao.account.roster.RosterFileException.HEADER_DUPLICATE;
import static org.baokao.account.roster.RosterFileException.HEADER_MISSING;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where each roster column is in a file, from its header row: the first row that names every column, within
 * the first {@value #MAX_ROWS_ABOVE_HEADER} + 1 non-blank rows (so a title row above the header is fine). Header cells are compared after trimming spaces
 * (full-width ones too) and a required-field marker {@code *}; columns with other names are ignored. A missing
 * or repeated roster column refuses the whole file, naming every such column.
 */
final class RosterHeader {

    private final Map<RosterColumn, Integer> indexes;

    private RosterHeader(Map<RosterColumn, Integer> indexes) {
        this.indexes = indexes;
    }

    /** Rows above the header that are skipped (a title such as 2023年专升本考生名单, a note): at most this many. */
    static final int MAX_ROWS_ABOVE_HEADER = 10;

    /**
     * Finds the header among the first non-blank rows of a file (the first row with every roster column; rows
     * above it are ignored) and leaves {@code rows} just after it; {@code null} for a file with no non-blank row.
     * When no row has every column, the file is refused for what the most complete of them lacks.
     */
    static RosterHeader find(RosterRows rows) throws IOException {
        SourceRow best = null;
        int bestMatches = -1;
        for (int i = 0; i <= MAX_ROWS_ABOVE_HEADER; i++) {
            SourceRow row = rows.nextNonBlank();
            if (row == null) {
                break;
            }
            int matches = matches(row);
            if (matches == RosterColumn.values().length) {
                return of(row);
            }
            if (matches > bestMatches) {
                best = row;
                bestMatches = matches;
            }
        }
        return best == null ? null : of(best);
    }

    private static int matches(SourceRow row) {
        int matches = 0;
        for (RosterColumn column : RosterColumn.values()) {
            for (String cell : row.cells()) {
                if (column.header().equals(normalize(cell == null ? "" : cell))) {
                    matches++;
                    break;
                }
            }
        }
        return matches;
    }

    static RosterHeader of(SourceRow header) {
        Map<RosterColumn, Integer> indexes = new EnumMap<>(RosterColumn.class);
        List<String> repeated = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = normalize(header.cell(i));
            for (RosterColumn column : RosterColumn.values()) {
                if (column.header().equals(name)) {
                    if (indexes.putIfAbsent(column, i) != null && !repeated.contains(column.header())) {
                        repeated.add(column.header());
                    }
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (RosterColumn column : RosterColumn.values()) {
            if (!indexes.containsKey(column)) {
                missing.add(column.header());
            }
        }
        if (!missing.isEmpty()) {
            throw new RosterFileException(HEADER_MISSING, "第" + header.line() + "行（表头）缺少必需的列："
                    + String.join("、", missing) + "。表头应包含：" + allHeaders(), missing);
        }
        if (!repeated.isEmpty()) {
            throw new RosterFileException(HEADER_DUPLICATE, "第" + header.line() + "行（表头）有重复的列："
                    + String.join("、", repeated), repeated);
        }
        return new RosterHeader(indexes);
    }

    String value(SourceRow row, RosterColumn column) {
        return row.cell(indexes.get(column));
    }

    boolean numeric(SourceRow row, RosterColumn column) {
        return row.numeric(indexes.get(column));
    }

    private static String normalize(String cell) {
        String name = cell.replace('\u3000', ' ').replace("\uFEFF", "").strip();
        if (name.startsWith("*")) {
            name = name.substring(1).strip();
        }
        if (name.endsWith("*")) {
            name = name.substring(0, name.length() - 1).strip();
        }
        return name;
    }

    private static String allHeaders() {
        List<String> all = new ArrayList<>();
        for (RosterColumn column : RosterColumn.values()) {
            all.add(column.header());
        }
        return String.join("、", all);
    }
}
