package org.baokao.account.roster;

import org.baokao.tabular.ImportColumn;

/** The columns of a roster file, found by their Chinese header names in any order (ACC-3). All are required. */
enum RosterColumn implements ImportColumn {

    ID_TYPE("证件类型"),
    ID_NUMBER("证件号码"),
    NAME("姓名"),
    CANDIDATE_TYPE("考生类型"),
    COLLEGE_CODE("院校代码"),
    COLLEGE_NAME("院校名称"),
    MAJOR_CODE("专业代码"),
    MAJOR_NAME("专业名称");

    private final String header;

    RosterColumn(String header) {
        this.header = header;
    }

    /** The header name, which is also the {@code field} of a row error. */
    @Override
    public String header() {
        return header;
    }
}
