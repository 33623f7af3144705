package org.baokao.tabular;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** How an uploaded file is read: CSV in UTF-8 (with or without BOM), CSV in GBK, or an .xlsx workbook. */
public enum FileFormat {

    CSV_UTF8(StandardCharsets.UTF_8),
    /** Decoded as GB18030, the superset of GBK (CP936) that Excel on Chinese Windows writes as "ANSI". */
    CSV_GBK(Charset.forName("GB18030")),
    XLSX(null);

    private final Charset charset;

    FileFormat(Charset charset) {
        this.charset = charset;
    }

    public Charset charset() {
        return charset;
    }
}
