package org.baokao.enrollment.lists;

import org.baokao.domain.DomainModel;

/** The file of an export: an Excel workbook (a sheet per group) or a CSV (UTF-8 with BOM, a group column). */
@DomainModel
public enum ExportFormat {
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    CSV("csv", "text/csv; charset=UTF-8");

    private final String extension;
    private final String contentType;

    ExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }
}
