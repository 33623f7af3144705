package org.baokao.enrollment.courseplan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Course plan files made by the tests: CSV text in a charset, .xlsx with text, number and date cells. */
final class CoursePlanFiles {

    static final List<Object> HEADER = List.of("主考学校代码", "专业代码", "课程类别", "课程代码", "课程名称", "学分",
            "报考费（元）", "考试日期", "时段", "实践课缴费");

    private CoursePlanFiles() {
    }

    static byte[] csv(List<List<Object>> rows, Charset charset) {
        StringBuilder text = new StringBuilder();
        for (List<Object> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i) == null ? "" : row.get(i).toString();
                text.append(i > 0 ? "," : "").append(cell.contains(",") ? "\"" + cell + "\"" : cell);
            }
            text.append("\r\n");
        }
        return text.toString().getBytes(charset);
    }

    /** Numbers become number cells, {@link java.time.LocalDate}s date cells, anything else text. */
    static byte[] xlsx(List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "BaokaoTest", "1.0");
            Worksheet sheet = workbook.newWorksheet("课程计划");
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number number) {
                        sheet.value(r, c, number);
                    } else if (value instanceof java.time.LocalDate date) {
                        sheet.value(r, c, date);
                        sheet.style(r, c).format("yyyy-mm-dd").set();
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
