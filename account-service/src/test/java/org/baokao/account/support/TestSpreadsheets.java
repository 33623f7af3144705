package org.baokao.account.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Import files made by the tests themselves (rosters, 在籍考生): CSV text in any charset, .xlsx workbooks. */
public final class TestSpreadsheets {

    private TestSpreadsheets() {
    }

    public static String csv(List<List<String>> rows) {
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            appendCsvLine(text, row);
        }
        return text.toString();
    }

    public static void appendCsvLine(StringBuilder text, List<String> row) {
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            String cell = row.get(i) == null ? "" : row.get(i);
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
                text.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                text.append(cell);
            }
        }
        text.append("\r\n");
    }

    public static byte[] csvBytes(List<List<String>> rows, Charset charset, boolean bom) {
        byte[] body = csv(rows).getBytes(charset);
        if (!bom) {
            return body;
        }
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        return withBom;
    }

    public static byte[] utf8(List<List<String>> rows) {
        return csvBytes(rows, StandardCharsets.UTF_8, false);
    }

    /** An .xlsx with one sheet; cells are written as text, or as numbers where the value is a {@link Number}. */
    public static byte[] xlsx(List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "BaokaoTest", "1.0");
            Worksheet sheet = workbook.newWorksheet("考生名单");
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object value = row.get(c);
                    if (value instanceof Number number) {
                        sheet.value(r, c, number);
                    } else if (value != null) {
                        sheet.value(r, c, value.toString());
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
