package org.baokao.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first sheet of an .xlsx, row by row: text as text, numbers written plainly and marked, the sheet's row numbers. */
class XlsxRowsTest {

    @TempDir
    Path dir;

    @Test
    void textAndNumberCellsAreReadWithTheSheetsRowNumbers() throws IOException {
        Path file = Files.write(dir.resolve("plan.xlsx"), Workbooks.xlsx(List.of(
                List.of("课程代码", "学分", "报考费（元）"),
                Arrays.asList(null, null, null),
                List.of("00642", 5, 45.5))));

        List<SourceRow> rows = new ArrayList<>();
        try (TableRows sheet = TableFiles.open(file, TableFiles.formatOf(file, "plan.xlsx"))) {
            SourceRow row;
            while ((row = sheet.nextNonBlank()) != null) {
                rows.add(row);
            }
        }

        assertThat(rows).extracting(SourceRow::line).containsExactly(1, 3);
        assertThat(rows.get(1).cells()).containsExactly("00642", "5", "45.5");
        assertThat(rows.get(1).numeric(0)).as("a text cell").isFalse();
        assertThat(rows.get(1).numeric(1)).isTrue();
    }

    @Test
    void aBrokenWorkbookIsRefusedAsAWhole() throws IOException {
        byte[] workbook = Workbooks.xlsx(List.of(List.of("a")));
        Path truncated = Files.write(dir.resolve("broken.xlsx"), Arrays.copyOf(workbook, 40));

        assertThatThrownBy(() -> TableFiles.open(truncated, TableFiles.formatOf(truncated, "broken.xlsx")).next())
                .isInstanceOfSatisfying(ImportFileException.class,
                        e -> assertThat(e.fault()).isEqualTo(ImportFileException.Fault.XLSX_INVALID));
    }
}
