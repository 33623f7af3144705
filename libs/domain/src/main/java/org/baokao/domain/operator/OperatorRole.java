package org.baokao.domain.operator;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an operator (工作人员) may do (OPS-3), as Keycloak realm roles of the same name. Every operator also holds the
 * realm role {@code operator}, which opens {@code /api/<service>/operations/**}; these narrow it. An operator may hold
 * several (a bureau administrator who is also the auditor); the scope attributes ({@link Operator#city()},
 * {@link Operator#university()}) narrow the candidates a city operator or a reviewer sees.
 */
public enum OperatorRole {

    /** 考试院管理员: the bureau's exams, imports, reviews, candidates, templates, dead letters, exports. */
    BUREAU_ADMIN("bureau-admin", "考试院管理员"),
    /** 地市招考机构工作人员: the candidates, enrollments and exports of one city (the exam location's region code). */
    CITY_OPERATOR("city-operator", "地市工作人员"),
    /** 主考学校审核员: the reviews and candidates of one 主考学校 (Shanghai 自考). */
    UNIVERSITY_REVIEWER("university-reviewer", "主考学校审核员"),
    /** 财务人员: orders, refunds, reconciliation, the paid lists. */
    FINANCE("finance", "财务人员"),
    /** 审计员: reads everything the bureau's desks show (masked) and the audit trail; changes nothing. */
    AUDITOR("auditor", "审计员");

    private final String roleName;
    private final String chineseName;

    OperatorRole(String roleName, String chineseName) {
        this.roleName = roleName;
        this.chineseName = chineseName;
    }

    /** The Keycloak realm role, also the Spring authority {@code ROLE_<roleName>}. */
    public String roleName() {
        return roleName;
    }

    public String chineseName() {
        return chineseName;
    }

    public static Optional<OperatorRole> ofRoleName(String roleName) {
        return Arrays.stream(values()).filter(role -> role.roleName.equals(roleName)).findFirst();
    }
}
