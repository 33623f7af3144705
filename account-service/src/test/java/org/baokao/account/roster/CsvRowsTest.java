package org.baokao.account.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV reader and the encoding and format detection of roster files (ACC-3). */
class CsvRowsTest {

    @TempDir
    Path dir;

    @Test
    void readsQuotedFieldsEscapedQuotesAndLineBreaksInsideQuotesKeepingLineNumbers() throws IOException {
        List<SourceRow> rows = read("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n1,,3\n\nlast,row,\"\"");

        assertThat(rows).extracting(SourceRow::line).containsExactly(1, 2, 4, 5, 6);
        assertThat(rows.get(1).cells()).containsExactly("x, y", "say \"hi\"", "two\nlines");
        assertThat(rows.get(2).cells()).containsExactly("1", "", "3");
        assertThat(rows.get(3).blank()).isTrue();
        assertThat(rows.get(4).cells()).containsExactly("last", "row", "");
    }

    @Test
    void oldMacLineEndsAndABomAreUnderstood() throws IOException {
        List<SourceRow> rows = read("\uFEFF证件类型,姓名\r居民身份证,张三\r");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).cells()).containsExactly("证件类型", "姓名");
        assertThat(rows.get(1).line()).isEqualTo(2);
    }

    @Test
    void brokenQuotingIsRefusedWithTheLine() {
        assertThatThrownBy(() -> read("a,b\n1,\"open\n2,3\n"))
                .isInstanceOfSatisfying(RosterFileException.class, e -> {
                    assertThat(e.code()).isEqualTo(RosterFileException.CSV_MALFORMED);
                    assertThat(e.getMessage()).contains("第2行的引号没有闭合");
                });
        assertThatThrownBy(() -> read("a,b\n1,2\n3,ab\"c\n"))
                .isInstanceOfSatisfying(RosterFileException.class, e -> assertThat(e.getMessage()).contains("第3行"));
        assertThatThrownBy(() -> read("a,b\n\"1\"x,2\n"))
                .isInstanceOfSatisfying(RosterFileException.class, e -> assertThat(e.getMessage()).contains("第2行"));
        assertThatThrownBy(() -> read("a,\"" + "x".repeat(CsvRows.MAX_FIELD_LENGTH + 1) + "\"\n"))
                .isInstanceOfSatisfying(RosterFileException.class, e -> assertThat(e.getMessage()).contains("引号"));
    }

    @Test
    void utf8IsRecognizedWithOrWithoutBomAndAnythingElseIsReadAsGbk() throws IOException {
        String text = "证件类型,证件号码,姓名\n居民身份证,110101199003074518,欧阳𠮷\n";
        Path utf8 = write("utf8.csv", text.getBytes(StandardCharsets.UTF_8));
        Path gbk = write("gbk.csv", text.replace("𠮷", "娜").getBytes(Charset.forName("GBK")));

        assertThat(RosterFiles.formatOf(utf8, "utf8.csv")).isEqualTo(RosterFileFormat.CSV_UTF8);
        assertThat(RosterFiles.formatOf(gbk, "gbk.csv")).isEqualTo(RosterFileFormat.CSV_GBK);
        try (RosterRows rows = RosterFiles.open(gbk, RosterFileFormat.CSV_GBK)) {
            rows.next();
            assertThat(rows.next().cells()).containsExactly("居民身份证", "110101199003074518", "欧阳娜");
        }
    }

    @Test
    void spreadsheetsAreRecognizedByTheirContentNotTheirName() throws IOException {
        Path xlsx = write("a.csv", RosterTestFiles.xlsx(List.of(List.of("证件类型"))));
        Path text = write("b.xlsx", "证件类型\n".getBytes(StandardCharsets.UTF_8));

        assertThat(RosterFiles.formatOf(xlsx, "a.csv")).isEqualTo(RosterFileFormat.XLSX);
        assertThatThrownBy(() -> RosterFiles.formatOf(text, "b.xlsx"))
                .isInstanceOfSatisfying(RosterFileException.class,
                        e -> assertThat(e.code()).isEqualTo(RosterFileException.XLSX_INVALID));
    }

    @Test
    void numberCellsAreWrittenPlainlyUnlessExcelLostDigits() {
        assertThat(XlsxRows.plainNumber("10452")).isEqualTo("10452");
        assertThat(XlsxRows.plainNumber("620403.0")).isEqualTo("620403");
        assertThat(XlsxRows.plainNumber("1.2E3")).isEqualTo("1200");
        assertThat(XlsxRows.plainNumber("3.70102199003071E+17")).isEqualTo("3.70102199003071E+17");
        assertThat(XlsxRows.plainNumber("370102199003071234")).isEqualTo("3.70102199003071E+17");
    }

    @Test
    void theHeaderMayFollowTitleRowsAndItsColumnsComeInAnyOrder() throws IOException {
        String text = "2026年专升本考生名单\n\n备注,专业名称,专业代码,院校名称,院校代码,考生类型, 姓名 ,*证件号码,证件类型\n"
                + "x,影像,620403,山东医专,10452,校荐,张三,110101199003074518,居民身份证\n";
        try (CsvRows rows = CsvRows.of(new StringReader(text))) {
            RosterHeader header = RosterHeader.find(rows);
            SourceRow data = rows.nextNonBlank();
            assertThat(data.line()).isEqualTo(4);
            assertThat(header.value(data, RosterColumn.NAME)).isEqualTo("张三");
            assertThat(header.value(data, RosterColumn.ID_TYPE)).isEqualTo("居民身份证");
            assertThat(header.value(data, RosterColumn.MAJOR_NAME)).isEqualTo("影像");
        }
        try (CsvRows rows = CsvRows.of(new StringReader("证件类型,证件号码,证件号码,考生类型\n"))) {
            assertThatThrownBy(() -> RosterHeader.find(rows)).isInstanceOfSatisfying(RosterFileException.class, e -> {
                assertThat(e.code()).isEqualTo(RosterFileException.HEADER_MISSING);
                assertThat(e.columns()).containsExactly("姓名", "院校代码", "院校名称", "专业代码", "专业名称");
                assertThat(e.getMessage()).startsWith("第1行（表头）缺少必需的列：姓名、院校代码、院校名称、专业代码、专业名称");
            });
        }
    }

    private List<SourceRow> read(String text) throws IOException {
        List<SourceRow> rows = new ArrayList<>();
        try (CsvRows csv = CsvRows.of(new StringReader(text))) {
            SourceRow row;
            while ((row = csv.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }
}
