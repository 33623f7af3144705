package org.baokao.account.roster;

import static org.baokao.account.roster.RosterFileException.HEADER_DUPLICATE;
import static org.baokao.account.roster.RosterFileException.HEADER_MISSING;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where each roster column is in a file, from its header row. Header cells are compared after trimming spaces
 * (full-width ones too) and a required-field marker {@code *}; columns with other names are ignored. A missing
 * or repeated roster column refuses the whole file, naming every such column.
 */
final class RosterHeader {

    private final Map<RosterColumn, Integer> indexes;

    private RosterHeader(Map<RosterColumn, Integer> indexes) {
        this.indexes = indexes;
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
