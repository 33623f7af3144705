package org.baokao.tabular;

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

/** The CSV reader, the encoding and format detection, and the header of uploaded tables (rosters, 在籍考生, course plans). */
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
                .isInstanceOfSatisfying(ImportFileException.class, e -> {
                    assertThat(e.fault()).isEqualTo(ImportFileException.Fault.CSV_MALFORMED);
                    assertThat(e.codeFor("ROSTER")).isEqualTo("ROSTER_CSV_MALFORMED");
                    assertThat(e.getMessage()).contains("第2行的引号没有闭合");
                });
        assertThatThrownBy(() -> read("a,b\n1,2\n3,ab\"c\n"))
                .isInstanceOfSatisfying(ImportFileException.class, e -> assertThat(e.getMessage()).contains("第3行"));
        assertThatThrownBy(() -> read("a,b\n\"1\"x,2\n"))
                .isInstanceOfSatisfying(ImportFileException.class, e -> assertThat(e.getMessage()).contains("第2行"));
        assertThatThrownBy(() -> read("a,\"" + "x".repeat(CsvRows.MAX_FIELD_LENGTH + 1) + "\"\n"))
                .isInstanceOfSatisfying(ImportFileException.class, e -> assertThat(e.getMessage()).contains("引号"));
    }

    @Test
    void utf8IsRecognizedWithOrWithoutBomAndAnythingElseIsReadAsGbk() throws IOException {
        String text = "证件类型,证件号码,姓名\n居民身份证,110101199003074518,欧阳𠮷\n";
        Path utf8 = write("utf8.csv", text.getBytes(StandardCharsets.UTF_8));
        Path gbk = write("gbk.csv", text.replace("𠮷", "娜").getBytes(Charset.forName("GBK")));

        assertThat(TableFiles.formatOf(utf8, "utf8.csv")).isEqualTo(FileFormat.CSV_UTF8);
        assertThat(TableFiles.formatOf(gbk, "gbk.csv")).isEqualTo(FileFormat.CSV_GBK);
        try (TableRows rows = TableFiles.open(gbk, FileFormat.CSV_GBK)) {
            rows.next();
            assertThat(rows.next().cells()).containsExactly("居民身份证", "110101199003074518", "欧阳娜");
        }
    }

    @Test
    void spreadsheetsAreRecognizedByTheirContentNotTheirName() throws IOException {
        Path xlsx = write("a.csv", Workbooks.xlsx(List.of(List.of("证件类型"))));
        Path text = write("b.xlsx", "证件类型\n".getBytes(StandardCharsets.UTF_8));

        assertThat(TableFiles.formatOf(xlsx, "a.csv")).isEqualTo(FileFormat.XLSX);
        assertThatThrownBy(() -> TableFiles.formatOf(text, "b.xlsx"))
                .isInstanceOfSatisfying(ImportFileException.class,
                        e -> assertThat(e.fault()).isEqualTo(ImportFileException.Fault.XLSX_INVALID));
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
            TableHeader header = TableHeader.find(rows, COLUMNS);
            SourceRow data = rows.nextNonBlank();
            assertThat(data.line()).isEqualTo(4);
            assertThat(header.value(data, Column.NAME)).isEqualTo("张三");
            assertThat(header.value(data, Column.ID_TYPE)).isEqualTo("居民身份证");
            assertThat(header.value(data, Column.MAJOR_NAME)).isEqualTo("影像");
            assertThat(header.value(data, Column.PHONE)).as("an optional column the file lacks").isEmpty();
        }
        try (CsvRows rows = CsvRows.of(new StringReader("证件类型,证件号码,证件号码,考生类型\n"))) {
            assertThatThrownBy(() -> TableHeader.find(rows, COLUMNS)).isInstanceOfSatisfying(ImportFileException.class, e -> {
                assertThat(e.fault()).isEqualTo(ImportFileException.Fault.HEADER_MISSING);
                assertThat(e.columns()).containsExactly("姓名", "院校代码", "院校名称", "专业代码", "专业名称");
                assertThat(e.getMessage()).startsWith("第1行（表头）缺少必需的列：姓名、院校代码、院校名称、专业代码、专业名称");
            });
        }
    }

    @Test
    void anOptionalColumnIsReadWhereTheFileHasIt() throws IOException {
        try (CsvRows rows = CsvRows.of(new StringReader(
                "证件类型,证件号码,姓名,考生类型,院校代码,院校名称,专业代码,专业名称,手机号\n身份证,1,张三,校荐,1,a,2,b,13800000000\n"))) {
            TableHeader header = TableHeader.find(rows, COLUMNS);
            assertThat(header.value(rows.nextNonBlank(), Column.PHONE)).isEqualTo("13800000000");
        }
    }

    /** A roster's columns and an optional one. */
    enum Column implements ImportColumn {
        ID_TYPE("证件类型"), ID_NUMBER("证件号码"), NAME("姓名"), CANDIDATE_TYPE("考生类型"), COLLEGE_CODE("院校代码"),
        COLLEGE_NAME("院校名称"), MAJOR_CODE("专业代码"), MAJOR_NAME("专业名称"), PHONE("手机号");

        private final String header;

        Column(String header) {
            this.header = header;
        }

        @Override
        public String header() {
            return header;
        }

        @Override
        public boolean required() {
            return this != PHONE;
        }
    }

    static final List<Column> COLUMNS = List.of(Column.values());

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
