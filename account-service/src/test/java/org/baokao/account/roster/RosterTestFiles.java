package org.baokao.account.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.baokao.testkit.Gb11643TestNumbers;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Roster files made by the tests themselves: CSV text in any charset, .xlsx workbooks, valid ID numbers. */
final class RosterTestFiles {

    static final List<String> HEADER = List.of("证件类型", "证件号码", "姓名", "考生类型", "院校代码", "院校名称", "专业代码",
            "专业名称");

    private RosterTestFiles() {
    }

    /** A data row in {@link #HEADER} order. */
    static List<String> row(String idType, String idNumber, String name, String candidateType, String collegeCode,
            String collegeName, String majorCode, String majorName) {
        return Arrays.asList(idType, idNumber, name, candidateType, collegeCode, collegeName, majorCode, majorName);
    }

    /** A valid row for a resident ID. */
    static List<String> resident(String idNumber, String name) {
        return row("居民身份证", idNumber, name, "校荐", "10452", "山东医学高等专科学校", "620403", "医学影像技术");
    }

    /** The {@code n}-th valid resident ID number (n < 3,650,000), all different, born 1995-2004 in 济南. */
    static String residentId(int n) {
        LocalDate birth = LocalDate.of(1995, 1, 1).plusDays(n / 1000);
        return Gb11643TestNumbers.residentId("370102", birth.toString().replace("-", ""), "%03d".formatted(n % 1000));
    }

    static String csv(List<List<String>> rows) {
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            appendCsvLine(text, row);
        }
        return text.toString();
    }

    static void appendCsvLine(StringBuilder text, List<String> row) {
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

    static byte[] csvBytes(List<List<String>> rows, Charset charset, boolean bom) {
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

    static byte[] utf8(List<List<String>> rows) {
        return csvBytes(rows, StandardCharsets.UTF_8, false);
    }

    /** An .xlsx with one sheet; cells are written as text, or as numbers where the value is a {@link Number}. */
    static byte[] xlsx(List<List<Object>> rows) {
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

    static List<List<String>> withHeader(List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(rows);
        return all;
    }
}
