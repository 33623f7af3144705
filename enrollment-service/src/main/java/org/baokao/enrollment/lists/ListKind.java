package org.baokao.enrollment.lists;

import org.baokao.domain.DomainModel;

/**
 * The two lists an export holds (OPS-3): 已报名, candidates who confirmed (a Shandong enrollment confirmed or
 * completed; a Shanghai course order placed or paid), and 已缴费, those whose enrollment is complete (paid, or owed
 * nothing) or whose course order is paid.
 */
@DomainModel
public enum ListKind {
    ENROLLED("已报名"),
    PAID("已缴费");

    private final String chineseName;

    ListKind(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
