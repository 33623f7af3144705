package org.baokao.enrollment.selfstudy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.exam.CoursePlanCatalogue;
import org.baokao.enrollment.exam.ExamDrafts;
import org.junit.jupiter.api.Test;

/** ENR-8: a 主考学校 and 报名专业 must be the sitting's course plan's, the major one of that university's. */
class CatalogueChoiceTest {

    final CoursePlanCatalogue plan = ExamDrafts.coursePlan();

    @Test
    void aUniversityAndOneOfItsMajorsAreChosen() {
        CatalogueChoice.Chosen chosen = CatalogueChoice.choose(plan, "10268", " C100801 ");

        assertThat(chosen.university().name()).isEqualTo("上海中医药大学");
        assertThat(chosen.major().name()).isEqualTo("中药学");
        assertThat(chosen.major().special()).isTrue();
    }

    @Test
    void bothAreRequired() {
        refused(null, "B020101", "UNIVERSITY_REQUIRED", "请选择报考的主考学校");
        refused(" ", "B020101", "UNIVERSITY_REQUIRED", "请选择报考的主考学校");
        refused("10246", "", "MAJOR_REQUIRED", "请选择报考专业");
    }

    @Test
    void theUniversityMustBeThePlansAndTheMajorThatUniversitys() {
        refused("10269", "B020101", "UNIVERSITY_UNKNOWN", "所选主考学校不在本次考试的主考学校中，请重新选择");
        // 中药学 is 上海中医药大学's, not 复旦大学's
        refused("10246", "C100801", "MAJOR_NOT_OFFERED", "复旦大学没有开设所选专业，请重新选择");
        assertThat(CatalogueChoice.find(plan, "10246", "C100801")).isEmpty();
        assertThat(CatalogueChoice.find(plan, "10268", "C100801")).isPresent();
    }

    private void refused(String university, String major, String code, String message) {
        assertThatThrownBy(() -> CatalogueChoice.choose(plan, university, major))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(code);
                    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
                    assertThat(refusal.getMessage()).isEqualTo(message);
                });
    }
}
