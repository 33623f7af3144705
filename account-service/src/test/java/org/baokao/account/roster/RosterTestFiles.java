package org.baokao.account.roster;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.baokao.account.support.TestSpreadsheets;
import org.baokao.testkit.Gb11643TestNumbers;

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
        return TestSpreadsheets.csv(rows);
    }

    static void appendCsvLine(StringBuilder text, List<String> row) {
        TestSpreadsheets.appendCsvLine(text, row);
    }

    static byte[] csvBytes(List<List<String>> rows, Charset charset, boolean bom) {
        return TestSpreadsheets.csvBytes(rows, charset, bom);
    }

    static byte[] utf8(List<List<String>> rows) {
        return TestSpreadsheets.utf8(rows);
    }

    static byte[] xlsx(List<List<Object>> rows) {
        return TestSpreadsheets.xlsx(rows);
    }

    static List<List<String>> withHeader(List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(rows);
        return all;
    }
}
