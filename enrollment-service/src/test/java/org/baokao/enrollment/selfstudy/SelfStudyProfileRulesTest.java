package org.baokao.enrollment.selfstudy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.baokao.enrollment.exam.Violation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SST-4: a 自考 candidate's 个人信息 — its starred fields, dictionaries and formats. */
class SelfStudyProfileRulesTest {

    static final SelfStudyProfile COMPLETE = new SelfStudyProfile("01", "13", "30", "4", "上海市徐汇区漕溪北路1号",
            "200030", "上海某科技有限公司", "021-64321234");

    @Test
    @DisplayName("SST-4: a complete profile keeps every rule; 工作单位 and 固定电话 may be left out")
    void aCompleteProfile() {
        assertThat(SelfStudyProfileRules.check(COMPLETE)).isEmpty();
        assertThat(SelfStudyProfileRules.missing(COMPLETE)).isEmpty();
        SelfStudyProfile withoutOptional = new SelfStudyProfile("01", "13", "30", "4", "上海市徐汇区漕溪北路1号", "200030",
                " ", null);
        assertThat(SelfStudyProfileRules.check(withoutOptional)).isEmpty();
        assertThat(withoutOptional.employer()).as("blank is not given").isNull();
    }

    @Test
    @DisplayName("SST-4: every starred field is required: 民族, 政治面貌, 文化程度, 职业, 通讯地址, 邮政编码")
    void starredFieldsAreRequired() {
        assertThat(SelfStudyProfileRules.check(SelfStudyProfile.EMPTY)).containsExactly(
                new Violation("ethnicity", "ETHNICITY_REQUIRED", "请选择民族"),
                new Violation("politicalStatus", "POLITICAL_STATUS_REQUIRED", "请选择政治面貌"),
                new Violation("education", "EDUCATION_REQUIRED", "请选择文化程度"),
                new Violation("occupation", "OCCUPATION_REQUIRED", "请选择职业"),
                new Violation("mailingAddress", "MAILING_ADDRESS_REQUIRED", "请填写通讯地址"),
                new Violation("postcode", "POSTCODE_REQUIRED", "请填写邮政编码"));
        assertThat(SelfStudyProfileRules.missing(SelfStudyProfile.EMPTY)).containsExactly("ethnicity",
                "politicalStatus", "education", "occupation", "mailingAddress", "postcode");
        assertThat(SelfStudyProfileRules.missing(new SelfStudyProfile("01", null, "30", "4", "地址", "200030", null,
                null))).containsExactly("politicalStatus");
    }

    @Test
    @DisplayName("SST-4: codes of their dictionaries, a 6-digit postcode, short texts, a landline number")
    void formats() {
        SelfStudyProfile wrong = new SelfStudyProfile("99", "1", "25", "9", "路".repeat(101), "20003", "单".repeat(101),
                "1391234");

        assertThat(SelfStudyProfileRules.check(wrong)).extracting(v -> v.field() + " " + v.code()).containsExactly(
                "ethnicity ETHNICITY_INVALID", "politicalStatus POLITICAL_STATUS_INVALID",
                "education EDUCATION_INVALID", "occupation OCCUPATION_INVALID",
                "mailingAddress MAILING_ADDRESS_TOO_LONG", "postcode POSTCODE_INVALID", "employer EMPLOYER_TOO_LONG",
                "landline LANDLINE_INVALID");
        assertThat(SelfStudyProfileRules.check(wrong).getFirst().message()).isEqualTo("民族不正确，请从列表中选择");
        for (String landline : List.of("021-64321234", "02164321234", "0571-8765432-8001", "64321234")) {
            assertThat(SelfStudyProfileRules.check(new SelfStudyProfile("01", "13", "30", "4", "地址", "200030", null,
                    landline))).as(landline).isEmpty();
        }
        assertThat(SelfStudyProfileRules.missing(new SelfStudyProfile("99", "13", "30", "4", "地址", "200030", null,
                null))).as("a code no longer in its dictionary is missing").containsExactly("ethnicity");
    }
}
