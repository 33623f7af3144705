package org.baokao.tabular;

import static org.baokao.tabular.ImportFileException.Fault.XLSX_INVALID;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * The first sheet of an .xlsx workbook, streamed row by row (fastexcel-reader): a file of hundreds of
 * thousands of rows never sits in memory. Text cells are read as text; number cells as the number written
 * plainly ({@code 12345}, not {@code 12345.0}), except numbers of 16 digits or more, which Excel cannot hold
 * exactly: those are given in Excel's exponent form ({@code 3.70102199003071E+17}) so the ID check can say what
 * happened.
 */
final class XlsxRows implements TableRows {

    private static final BigDecimal LARGEST_EXACT = BigDecimal.valueOf(999_999_999_999_999L);

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;

    private XlsxRows(ReadableWorkbook workbook, Stream<Row> stream) {
        this.workbook = workbook;
        this.stream = stream;
        this.rows = stream.iterator();
    }

    static XlsxRows open(Path file) {
        ReadableWorkbook workbook = null;
        try {
            workbook = new ReadableWorkbook(file.toFile());
            return new XlsxRows(workbook, workbook.getFirstSheet().openStream());
        } catch (IOException | RuntimeException e) {
            closeQuietly(workbook);
            throw invalid();
        }
    }

    @Override
    public SourceRow next() {
        try {
            if (!rows.hasNext()) {
                return null;
            }
            Row row = rows.next();
            int width = row.getCellCount();
            if (width > CsvRows.MAX_FIELDS) {
                width = CsvRows.MAX_FIELDS; // only the first columns can be an import's columns
            }
            List<String> cells = new ArrayList<>(width);
            List<Boolean> numeric = new ArrayList<>(width);
            for (int i = 0; i < width; i++) {
                Cell cell = row.getCell(i);
                cells.add(text(cell));
                numeric.add(cell != null && cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER);
            }
            return new SourceRow(row.getRowNum(), cells, numeric);
        } catch (UncheckedIOException | IllegalStateException | org.dhatim.fastexcel.reader.ExcelReaderException e) {
            throw invalid();
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        String raw = cell.getRawValue();
        return switch (cell.getType()) {
            case EMPTY -> "";
            case NUMBER -> plainNumber(raw);
            case STRING, BOOLEAN, ERROR -> {
                String text = cell.getText();
                yield text == null ? "" : text;
            }
            case FORMULA -> raw == null ? "" : raw; // the value Excel cached for the formula
        };
    }

    static String plainNumber(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        try {
            BigDecimal number = new BigDecimal(raw.strip());
            if (number.abs().compareTo(LARGEST_EXACT) > 0) {
                return asExcelShowsIt(number);
            }
            return number.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException notANumber) {
            return raw;
        }
    }

    /**
     * 16 digits or more in a number cell: Excel keeps 15 significant digits of such a number and shows it in
     * exponent form ({@code 3.70102199003071E+17}); so does this, whatever the file holds, since the digits past
     * the 15th cannot be trusted (an ID number belongs in a text cell).
     */
    private static String asExcelShowsIt(BigDecimal number) {
        BigDecimal rounded = number.round(new MathContext(15, RoundingMode.HALF_UP)).stripTrailingZeros();
        String digits = rounded.unscaledValue().abs().toString();
        int exponent = rounded.precision() - rounded.scale() - 1;
        String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
        return (rounded.signum() < 0 ? "-" : "") + mantissa + "E+" + exponent;
    }

    private static ImportFileException invalid() {
        return new ImportFileException(XLSX_INVALID, "无法读取该Excel文件，请确认是有效的.xlsx文件（可用Excel另存为.xlsx或CSV后重试）");
    }

    @Override
    public void close() throws IOException {
        try {
            stream.close();
        } finally {
            workbook.close();
        }
    }

    private static void closeQuietly(ReadableWorkbook workbook) {
        if (workbook != null) {
            try {
                workbook.close();
            } catch (IOException | RuntimeException ignored) {
                // already failing
            }
        }
    }
}
