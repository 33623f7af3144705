package org.baokao.enrollment.selfstudy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.baokao.enrollment.exam.CoursePlanCatalogue;
import org.baokao.enrollment.exam.CoursePlans;
import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.exam.ExamDrafts;
import org.baokao.enrollment.exam.ExamKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SST-7: the 准考证号 of an approved new candidate — 2-digit year + 5-digit university + 5-digit sequence. */
class AdmissionNumberTest {

    @Test
    @DisplayName("SST-7: 12 digits: 26 + 10246 + 00001")
    void format() {
        assertThat(new AdmissionNumber("26", "10246", 1)).hasToString("261024600001");
        assertThat(new AdmissionNumber("26", "10269", 99_999)).hasToString("261026999999");
        assertThat(new AdmissionNumber("05", "10246", 420).toString()).hasSize(12).isEqualTo("051024600420");
    }

    @Test
    @DisplayName("SST-7: a 5-digit university code, a sequence of 1 to 99999, a 2-digit year — else no number")
    void bounds() {
        assertThatThrownBy(() -> new AdmissionNumber("26", "10246", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdmissionNumber("26", "10246", 100_000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdmissionNumber("26", "B1024", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdmissionNumber("2026", "10246", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(AdmissionNumber.fitsUniversity("10246")).isTrue();
        assertThat(AdmissionNumber.fitsUniversity("1024")).isFalse();
        assertThat(AdmissionNumber.fitsUniversity(null)).isFalse();
    }

    @Test
    @DisplayName("SST-7: the sitting's year is its first exam day's; without courses, the year registration opens")
    void theSittingsYear() {
        assertThat(AdmissionNumber.sittingYearOf(sitting(CoursePlans.withCourses(),
                Instant.parse("2025-12-31T17:00:00Z")))).as("registration from 2026-01-01 Beijing time, exams 2026-10")
                .isEqualTo("26");
        assertThat(AdmissionNumber.sittingYearOf(sitting(ExamDrafts.coursePlan(),
                Instant.parse("2026-12-31T16:30:00Z")))).as("2027-01-01 00:30 in Shanghai").isEqualTo("27");
    }

    private static Exam sitting(CoursePlanCatalogue plan, Instant registrationOpens) {
        return new Exam(null, "SH", "自考", ExamKind.SELF_STUDY, new Exam.Window(registrationOpens,
                registrationOpens.plusSeconds(86_400)), new Exam.Window(registrationOpens,
                registrationOpens.plusSeconds(86_400)), null, List.of(), List.of(), null, plan, List.of(), "sh");
    }
}
