package org.baokao.enrollment.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.baokao.domain.Refusal;
import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.junit.jupiter.api.Test;

/** OPS-3: the operators' list scope and filters, and the CSV an export writes, without the framework. */
class ListRulesTest {

    @Test
    void aScopedRoleSeesItsCityOrUniversityAndWithoutItsAttributeNothing() {
        assertThat(ListScope.of(operator(Set.of(OperatorRole.FINANCE), null, null)).everything()).isTrue();
        ListScope jinan = ListScope.of(operator(Set.of(OperatorRole.CITY_OPERATOR), "3701", null));
        assertThat(jinan.allowsLocation("370102")).isTrue();
        assertThat(jinan.allowsLocation("3702")).isFalse();
        assertThat(jinan.allowsUniversity("10246")).isFalse();
        assertThat(ListScope.of(operator(Set.of(OperatorRole.CITY_OPERATOR), null, null)).isNothing()).isTrue();
        assertThat(ListScope.of(operator(Set.of(OperatorRole.UNIVERSITY_REVIEWER), null, "10246"))
                .allowsUniversity("10246")).isTrue();
    }

    @Test
    void aFilterOutsideTheScopeIsAbsentAndACodeMustBeLettersAndDigits() {
        Operator jinan = operator(Set.of(OperatorRole.CITY_OPERATOR), "3701", null);
        assertThat(ListQuery.of(jinan, "SD", "3701", "370102", null, null, null).city()).isEqualTo("3701");
        assertThatThrownBy(() -> ListQuery.of(jinan, "SD", "3702", null, null, null, null))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("NOT_FOUND"));
        assertThatThrownBy(() -> ListQuery.of(jinan, "SD", "37%", null, null, null, null))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("CITY_INVALID"));
        assertThatThrownBy(() -> ListQuery.of(jinan, " ", null, null, null, null, null))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("EXAM_REQUIRED"));
    }

    @Test
    void theCsvQuotesWhatMustBeQuotedAndNeverStartsAFormula() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvTableWriter csv = new CsvTableWriter(bytes, List.of("序号", "姓名"));
        csv.group("3701 济南市");
        csv.row(List.of(1, "=HYPERLINK(\"x\")"));
        csv.row(List.of(2, "张三,李四"));
        csv.finish();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFF分组,序号,姓名\r\n"
                + "3701 济南市,1,\"'=HYPERLINK(\"\"x\"\")\"\r\n" + "3701 济南市,2,\"张三,李四\"\r\n");
    }

    private static Operator operator(Set<OperatorRole> roles, String city, String university) {
        return new Operator("s", "u", "n", "sd", roles, city, university);
    }

}
