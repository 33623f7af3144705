package org.baokao.account.fileimport;

import static org.baokao.tabular.ImportFileException.Fault.FILE_EMPTY;
import static org.baokao.tabular.ImportFileException.Fault.NO_ROWS;
import static org.baokao.tabular.ImportFileException.Fault.TOO_MANY_ROWS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.baokao.tabular.FileFormat;
import org.baokao.tabular.ImportColumn;
import org.baokao.tabular.ImportFileException;
import org.baokao.tabular.TableFiles;
import org.baokao.tabular.TableHeader;
import org.baokao.tabular.TableRows;

/**
 * Checks an uploaded import file as a whole before anything is stored: format and encoding (libs/tabular's
 * {@link TableFiles} tells them by content), CSV quoting, the header, the number of rows.
 */
final class ImportFiles {

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
        FileFormat format = TableFiles.formatOf(file, originalName);
        try (TableRows rows = TableFiles.open(file, format)) {
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
}
