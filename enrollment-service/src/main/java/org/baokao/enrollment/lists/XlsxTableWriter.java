package org.baokao.enrollment.lists;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An .xlsx workbook streamed by fastexcel (already the build's XLSX writer): one sheet per group, named after it,
 * its header row in bold, rows flushed every few hundred so a large export is never held as a whole workbook.
 */
final class XlsxTableWriter implements TableWriter {

    private static final int FLUSH_EVERY = 500;

    private final Workbook workbook;
    private final List<String> header;
    private final Set<String> sheetNames = new HashSet<>();
    private Worksheet sheet;
    private int nextRow;

    XlsxTableWriter(OutputStream out, List<String> header) {
        this.workbook = new Workbook(out, "Baokao", "1.0");
        this.header = List.copyOf(header);
    }

    @Override
    public void group(String title) throws IOException {
        if (sheet != null) {
            sheet.finish();
        }
        sheet = workbook.newWorksheet(sheetName(title));
        for (int column = 0; column < header.size(); column++) {
            sheet.value(0, column, header.get(column));
            sheet.style(0, column).bold().set();
            sheet.width(column, 16);
        }
        nextRow = 1;
    }

    @Override
    public void row(List<Object> cells) throws IOException {
        for (int column = 0; column < cells.size(); column++) {
            Object cell = cells.get(column);
            if (cell instanceof Number number) {
                sheet.value(nextRow, column, number);
            } else if (cell != null) {
                sheet.value(nextRow, column, cell.toString());
            }
        }
        nextRow++;
        if (nextRow % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    @Override
    public void finish() throws IOException {
        if (sheet == null) {
            group("无数据"); // a list without candidates is a sheet with the header alone, still a valid workbook
        }
        sheet.finish();
        workbook.finish();
    }

    /** Excel's rules: at most 31 characters, none of []:*?/\, unique within the workbook. */
    private String sheetName(String title) {
        String base = title.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        if (base.isEmpty()) {
            base = "未分组";
        }
        base = base.length() > 28 ? base.substring(0, 28) : base;
        String name = base;
        for (int n = 2; !sheetNames.add(name); n++) {
            name = base + "(" + n + ")";
        }
        return name;
    }
}
