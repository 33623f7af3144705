package org.baokao.tabular;

import static org.baokao.tabular.ImportFileException.Fault.HEADER_DUPLICATE;
import static org.baokao.tabular.ImportFileException.Fault.HEADER_MISSING;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each column of an import is in a file, from its header row: the first row that names every required
 * column, within the first {@value #MAX_ROWS_ABOVE_HEADER} + 1 non-blank rows (so a title row above the header is
 * fine). Header cells are compared after trimming spaces (full-width ones too) and a required-field marker
 * {@code *}; columns with other names are ignored. A missing required column or a repeated column refuses the whole
 * file, naming every such column; a missing optional column reads as empty cells.
 */
public final class TableHeader {

    /** Rows above the header that are skipped (a title such as 2023年专升本考生名单, a note): at most this many. */
    static final int MAX_ROWS_ABOVE_HEADER = 10;

    private final Map<String, Integer> indexes;

    private TableHeader(Map<String, Integer> indexes) {
        this.indexes = indexes;
    }

    /**
     * Finds the header among the first non-blank rows of a file (the first row with every required column; rows
     * above it are ignored) and leaves {@code rows} just after it; {@code null} for a file with no non-blank row.
     * When no row has every required column, the file is refused for what the most complete of them lacks.
     */
    public static TableHeader find(TableRows rows, List<? extends ImportColumn> columns) throws IOException {
        long required = columns.stream().filter(ImportColumn::required).count();
        SourceRow best = null;
        int bestMatches = -1;
        for (int i = 0; i <= MAX_ROWS_ABOVE_HEADER; i++) {
            SourceRow row = rows.nextNonBlank();
            if (row == null) {
                break;
            }
            int matches = requiredMatches(row, columns);
            if (matches == required) {
                return of(row, columns);
            }
            if (matches > bestMatches) {
                best = row;
                bestMatches = matches;
            }
        }
        return best == null ? null : of(best, columns);
    }

    private static int requiredMatches(SourceRow row, List<? extends ImportColumn> columns) {
        int matches = 0;
        for (ImportColumn column : columns) {
            if (!column.required()) {
                continue;
            }
            for (String cell : row.cells()) {
                if (column.header().equals(normalize(cell == null ? "" : cell))) {
                    matches++;
                    break;
                }
            }
        }
        return matches;
    }

    public static TableHeader of(SourceRow header, List<? extends ImportColumn> columns) {
        Map<String, Integer> indexes = new HashMap<>();
        List<String> repeated = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = normalize(header.cell(i));
            for (ImportColumn column : columns) {
                if (column.header().equals(name)) {
                    if (indexes.putIfAbsent(column.header(), i) != null && !repeated.contains(column.header())) {
                        repeated.add(column.header());
                    }
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (ImportColumn column : columns) {
            if (column.required() && !indexes.containsKey(column.header())) {
                missing.add(column.header());
            }
        }
        if (!missing.isEmpty()) {
            throw new ImportFileException(HEADER_MISSING, "第" + header.line() + "行（表头）缺少必需的列："
                    + String.join("、", missing) + "。表头应包含：" + requiredHeaders(columns), missing);
        }
        if (!repeated.isEmpty()) {
            throw new ImportFileException(HEADER_DUPLICATE, "第" + header.line() + "行（表头）有重复的列："
                    + String.join("、", repeated), repeated);
        }
        return new TableHeader(indexes);
    }

    /** The cell of {@code column} in {@code row}; "" for an optional column the file does not have. */
    public String value(SourceRow row, ImportColumn column) {
        Integer index = indexes.get(column.header());
        return index == null ? "" : row.cell(index);
    }

    public boolean numeric(SourceRow row, ImportColumn column) {
        Integer index = indexes.get(column.header());
        return index != null && row.numeric(index);
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

    private static String requiredHeaders(List<? extends ImportColumn> columns) {
        List<String> all = new ArrayList<>();
        for (ImportColumn column : columns) {
            if (column.required()) {
                all.add(column.header());
            }
        }
        return String.join("、", all);
    }
}
