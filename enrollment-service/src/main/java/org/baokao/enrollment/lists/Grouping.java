package org.baokao.enrollment.lists;

import org.baokao.domain.DomainModel;

/**
 * How an export's rows are grouped: by 考点 (the exam location of a Shandong enrollment) or by 主考学校 (the
 * university of a Shanghai course). Each exam has one of the two: a 专升本 exam has no universities, a 自考 sitting
 * no exam locations.
 */
@DomainModel
public enum Grouping {
    BY_LOCATION("按考点"),
    BY_UNIVERSITY("按主考学校");

    private final String chineseName;

    Grouping(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
