package org.baokao.tabular;

import java.util.List;

/**
 * One row of an uploaded table as read, before any check: {@code line} is the number the operator sees (the text
 * line a CSV record starts on, or the spreadsheet row), cells in column order ("" for an empty cell).
 * {@code numericCells} marks spreadsheet cells stored as numbers (their text may have lost digits).
 */
public record SourceRow(int line, List<String> cells, List<Boolean> numericCells) {

    public SourceRow(int line, List<String> cells) {
        this(line, cells, List.of());
    }

    /** The cell at {@code index}, "" when the row is shorter. */
    public String cell(int index) {
        return index < cells.size() && cells.get(index) != null ? cells.get(index) : "";
    }

    public boolean numeric(int index) {
        return index < numericCells.size() && Boolean.TRUE.equals(numericCells.get(index));
    }

    public boolean blank() {
        for (String cell : cells) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
