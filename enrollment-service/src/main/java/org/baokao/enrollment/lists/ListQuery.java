package org.baokao.enrollment.lists;

import java.util.regex.Pattern;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;
import org.baokao.domain.operator.Operator;

/**
 * What an operator asked a list for, checked: the exam (required), a city (an exam location's region-code prefix),
 * a 考点 (an exam location code), a 主考学校 code, a status, or a whole list kind (exports). Codes are letters and
 * digits only (they end up in LIKE patterns and JSON containment). A filter outside the operator's scope is
 * answered as absent (404), like the rest of their desks.
 */
@DomainModel
public record ListQuery(String exam, String city, String location, String university, String status, ListKind kind,
        ListScope scope) {

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z_-]{1,64}");

    public static ListQuery of(Operator operator, String exam, String city, String location, String university,
            String status, ListKind kind) {
        if (blank(exam)) {
            throw Refusal.invalid("EXAM_REQUIRED", "请选择考试");
        }
        ListScope scope = ListScope.of(operator);
        String cityCode = code(city, "CITY_INVALID", "地市代码格式不正确");
        String locationCode = code(location, "LOCATION_INVALID", "考点代码格式不正确");
        String universityCode = code(university, "UNIVERSITY_INVALID", "主考学校代码格式不正确");
        String statusCode = code(status, "STATUS_INVALID", "报名状态不正确");
        if (cityCode != null && !scope.allowsLocation(cityCode)
                || locationCode != null && !scope.allowsLocation(locationCode)
                || universityCode != null && !scope.allowsUniversity(universityCode)) {
            throw Operator.outOfScope();
        }
        return new ListQuery(exam.strip(), cityCode, locationCode, universityCode, statusCode, kind, scope);
    }

    private static String code(String value, String code, String message) {
        if (blank(value)) {
            return null;
        }
        if (!CODE.matcher(value.strip()).matches()) {
            throw Refusal.invalid(code, message);
        }
        return value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
