package org.baokao.account.fileimport;

import static org.baokao.account.fileimport.ImportFileException.Fault.ENCODING_UNSUPPORTED;
import static org.baokao.account.fileimport.ImportFileException.Fault.FILE_EMPTY;
import static org.baokao.account.fileimport.ImportFileException.Fault.NO_ROWS;
import static org.baokao.account.fileimport.ImportFileException.Fault.TOO_MANY_ROWS;
import static org.baokao.account.fileimport.ImportFileException.Fault.XLSX_INVALID;
import static org.baokao.account.fileimport.ImportFileException.Fault.XLS_UNSUPPORTED;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Recognizes an uploaded file by its content (the name only decides what a refusal says) and checks it as a whole
 * before anything is stored: format, encoding, CSV quoting, the header, the number of rows.
 *
 * <ul>
 *   <li>starts like a zip: an .xlsx workbook (the first sheet is read);</li>
 *   <li>starts like an OLE2 file: an old .xls workbook, refused with a hint to save it as .xlsx;</li>
 *   <li>otherwise CSV: UTF-8 if every byte decodes strictly as UTF-8 (a BOM is allowed), else GBK.</li>
 * </ul>
 */
final class ImportFiles {

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};

    private ImportFiles() {
    }

    /** What a checked file is: its format and how many data rows (non-blank, after the header) it has. */
    record Inspection(FileFormat format, int dataRows) {
    }

    static Inspection inspect(Path file, String originalName, List<? extends ImportColumn> columns, int maxRows)
            throws IOException {
        if (Files.size(file) == 0) {
            throw new ImportFileException(FILE_EMPTY, "上传的文件是空的");
        }
        FileFormat format = formatOf(file, originalName);
        try (TableRows rows = open(file, format)) {
            if (TableHeader.find(rows, columns) == null) {
                throw new ImportFileException(FILE_EMPTY, "上传的文件没有内容");
            }
            int count = 0;
            while (rows.nextNonBlank() != null) {
                count++;
                if (count > maxRows) {
                    throw new ImportFileException(TOO_MANY_ROWS, "文件中的考生超过" + maxRows + "行，请分成多个文件导入");
                }
            }
            if (count == 0) {
                throw new ImportFileException(NO_ROWS, "文件中只有表头，没有考生数据");
            }
            return new Inspection(format, count);
        }
    }

    static TableRows open(Path file, FileFormat format) throws IOException {
        return format == FileFormat.XLSX ? XlsxRows.open(file) : CsvRows.open(file, format.charset());
    }

    static FileFormat formatOf(Path file, String originalName) throws IOException {
        byte[] head = new byte[8];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        String name = originalName == null ? "" : originalName.toLowerCase(Locale.ROOT);
        if (startsWith(head, read, ZIP)) {
            return FileFormat.XLSX;
        }
        if (startsWith(head, read, OLE2)) {
            throw new ImportFileException(XLS_UNSUPPORTED, "不支持旧版Excel文件（.xls），请在Excel中另存为.xlsx或CSV后上传");
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
            throw new ImportFileException(XLSX_INVALID, "文件扩展名为Excel，但内容不是有效的.xlsx文件");
        }
        if (CsvRows.decodes(file, FileFormat.CSV_UTF8.charset())) {
            return FileFormat.CSV_UTF8;
        }
        if (CsvRows.decodes(file, FileFormat.CSV_GBK.charset())) {
            return FileFormat.CSV_GBK;
        }
        throw new ImportFileException(ENCODING_UNSUPPORTED, "文件编码无法识别，请保存为UTF-8或GBK编码的CSV文件");
    }

    private static boolean startsWith(byte[] head, int read, byte[] magic) {
        if (read < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
