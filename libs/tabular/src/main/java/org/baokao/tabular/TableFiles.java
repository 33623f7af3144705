package org.baokao.tabular;

import static org.baokao.tabular.ImportFileException.Fault.ENCODING_UNSUPPORTED;
import static org.baokao.tabular.ImportFileException.Fault.XLSX_INVALID;
import static org.baokao.tabular.ImportFileException.Fault.XLS_UNSUPPORTED;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * An uploaded table file, recognized by its content (the name only decides what a refusal says) and opened row by
 * row:
 * <ul>
 *   <li>starts like a zip: an .xlsx workbook (the first sheet is read);</li>
 *   <li>starts like an OLE2 file: an old .xls workbook, refused with a hint to save it as .xlsx;</li>
 *   <li>otherwise CSV: UTF-8 if every byte decodes strictly as UTF-8 (a BOM is allowed), else GBK.</li>
 * </ul>
 */
public final class TableFiles {

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};

    private TableFiles() {
    }

    /** The rows of {@code file}, read as {@code format} says; close them when done. */
    public static TableRows open(Path file, FileFormat format) throws IOException {
        return format == FileFormat.XLSX ? XlsxRows.open(file) : CsvRows.open(file, format.charset());
    }

    /**
     * What {@code file} is; {@code originalName} is the name it was uploaded under. Refuses an old .xls workbook, a
     * file named .xlsx that is none, and a text that is neither UTF-8 nor GBK ({@link ImportFileException}).
     */
    public static FileFormat formatOf(Path file, String originalName) throws IOException {
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
