package org.baokao.account.existing;

import org.baokao.tabular.ImportColumn;

/**
 * The columns of a 在籍考生 file (ACC-9), found by their Chinese header in any order: one row per examining
 * university (主考学校) + major a candidate holds. 手机号 and 电子邮箱 are optional (the old system may not have them).
 */
enum ExistingColumn implements ImportColumn {

    ID_TYPE("证件类型"),
    ID_NUMBER("证件号码"),
    NAME("姓名"),
    ADMISSION_NUMBER("准考证号"),
    UNIVERSITY_CODE("主考学校代码"),
    MAJOR_CODE("专业代码"),
    PHONE("手机号", false),
    EMAIL("电子邮箱", false);

    private final String header;
    private final boolean required;

    ExistingColumn(String header) {
        this(header, true);
    }

    ExistingColumn(String header, boolean required) {
        this.header = header;
        this.required = required;
    }

    @Override
    public String header() {
        return header;
    }

    @Override
    public boolean required() {
        return required;
    }
}
