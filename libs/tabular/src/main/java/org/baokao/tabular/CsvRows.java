package org.baokao.tabular;

import static org.baokao.tabular.ImportFileException.Fault.CSV_MALFORMED;
import static org.baokao.tabular.ImportFileException.Fault.ENCODING_UNSUPPORTED;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 reader: comma-separated, fields optionally in double quotes ({@code ""} is a quote inside
 * one, line breaks inside quotes belong to the field), records end at CRLF, LF or CR. A leading BOM is skipped.
 * Broken quoting is refused with the line it starts on, never guessed around: a quote inside an unquoted field,
 * text after a closing quote, a quote never closed. The charset decodes strictly too, so a byte that is not
 * valid in it refuses the file instead of turning into a replacement character.
 */
final class CsvRows implements TableRows {

    /** Longer than any real cell of an import: a sign of a quote opened by mistake that swallowed the lines after it. */
    static final int MAX_FIELD_LENGTH = 2_000;
    static final int MAX_FIELDS = 200;

    private final Reader in;
    private int line = 1;
    private int pushedBack = -2;
    private boolean first = true;

    private CsvRows(Reader in) {
        this.in = in;
    }

    static CsvRows open(Path file, Charset charset) throws IOException {
        InputStream stream = Files.newInputStream(file);
        Reader reader = new InputStreamReader(stream, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        return new CsvRows(new BufferedReader(reader, 64 * 1024));
    }

    static CsvRows of(Reader reader) {
        return new CsvRows(reader);
    }

    /** Whether every byte of {@code file} decodes strictly in {@code charset}. Reads the file once, streaming. */
    static boolean decodes(Path file, Charset charset) throws IOException {
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT))) {
            char[] buffer = new char[64 * 1024];
            while (reader.read(buffer) >= 0) {
                // decoding is the check
            }
            return true;
        } catch (CharacterCodingException notThisCharset) {
            return false;
        }
    }

    @Override
    public SourceRow next() throws IOException {
        int c = read();
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        if (c == -1) {
            return null;
        }
        int recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            if (c == '"' && field.isEmpty()) {
                c = quoted(field, recordLine);
            } else {
                while (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    if (c == '"') {
                        throw malformed(line, "第" + line + "行：引号只能出现在用引号括起的字段中（字段内的引号应写作两个引号）");
                    }
                    append(field, c, recordLine);
                    c = read();
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (fields.size() > MAX_FIELDS) {
                throw malformed(recordLine, "第" + recordLine + "行的列数超过" + MAX_FIELDS + "列");
            }
            if (c == ',') {
                c = read();
                continue;
            }
            if (c == '\r') {
                int after = read();
                if (after != '\n') {
                    unread(after);
                }
            }
            if (c != -1) {
                line++;
            }
            return new SourceRow(recordLine, fields);
        }
    }

    /** Reads a quoted field after its opening quote; returns the character after the closing quote. */
    private int quoted(StringBuilder field, int recordLine) throws IOException {
        int openedOn = line;
        while (true) {
            int c = read();
            if (c == -1) {
                throw malformed(openedOn, "第" + openedOn + "行的引号没有闭合");
            }
            if (c == '"') {
                int after = read();
                if (after == '"') {
                    append(field, '"', recordLine);
                    continue;
                }
                if (after != ',' && after != '\n' && after != '\r' && after != -1) {
                    throw malformed(line, "第" + line + "行：引号闭合后、逗号之前还有其他字符");
                }
                return after;
            }
            if (c == '\n' || (c == '\r' && peekIsNot('\n'))) {
                line++;
            }
            append(field, c, recordLine);
        }
    }

    private boolean peekIsNot(char expected) throws IOException {
        int next = read();
        unread(next);
        return next != expected;
    }

    private void append(StringBuilder field, int c, int recordLine) {
        if (field.length() >= MAX_FIELD_LENGTH) {
            throw malformed(recordLine, "第" + recordLine + "行有字段超过" + MAX_FIELD_LENGTH + "个字符，请检查引号是否成对");
        }
        field.append((char) c);
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        try {
            return in.read();
        } catch (CharacterCodingException e) {
            throw new ImportFileException(ENCODING_UNSUPPORTED, "文件编码无法识别，请保存为UTF-8或GBK编码的CSV文件");
        }
    }

    private void unread(int c) {
        pushedBack = c;
    }

    private static ImportFileException malformed(int line, String message) {
        return new ImportFileException(CSV_MALFORMED, "CSV格式有误，" + message);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
