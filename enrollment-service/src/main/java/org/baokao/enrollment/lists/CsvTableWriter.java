package org.baokao.enrollment.lists;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV in UTF-8 with a byte-order mark (so Excel opens the Chinese text as such): one header row, then the
 * rows of every group with the group's title in the first column. A cell starting with {@code = + - @} is prefixed
 * with an apostrophe: a spreadsheet must never take a candidate's text for a formula.
 */
final class CsvTableWriter implements TableWriter {

    private final Writer out;
    private String group;

    CsvTableWriter(OutputStream stream, List<String> header) throws IOException {
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        out.write('\uFEFF');
        out.write(line(prepend("分组", header)));
    }

    @Override
    public void group(String title) throws IOException {
        group = title;
    }

    @Override
    public void row(List<Object> cells) throws IOException {
        out.write(line(prepend(group, cells)));
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    private static List<Object> prepend(Object first, List<?> rest) {
        ArrayList<Object> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    static String line(List<?> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        return line.append("\r\n").toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
