package org.baokao.enrollment.lists;

import org.baokao.domain.DomainModel;
import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;

/**
 * Which candidates of the addressed bureau an operator's lists hold (OPS-3): the whole bureau for the bureau-wide
 * roles, a city operator's city (the exam location's region code starts with it), a 主考学校 reviewer's university
 * (a course order with a course of it). A scoped role without its attribute in the token sees nothing, never more.
 */
@DomainModel
public record ListScope(boolean everything, String city, String university) {

    public static final ListScope NOTHING = new ListScope(false, null, null);

    public static ListScope of(Operator operator) {
        if (operator.seesWholeBureau()) {
            return new ListScope(true, null, null);
        }
        if (operator.has(OperatorRole.CITY_OPERATOR) && operator.city() != null) {
            return new ListScope(false, operator.city(), null);
        }
        if (operator.has(OperatorRole.UNIVERSITY_REVIEWER) && operator.university() != null) {
            return new ListScope(false, null, operator.university());
        }
        return NOTHING;
    }

    public boolean isNothing() {
        return !everything && city == null && university == null;
    }

    /** Whether asking for exam location {@code code} (a city or a 考点) stays inside the scope. */
    public boolean allowsLocation(String code) {
        return everything || city != null && code.startsWith(city);
    }

    public boolean allowsUniversity(String code) {
        return everything || university != null && university.equals(code);
    }
}
