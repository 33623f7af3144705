package org.baokao.enrollment.confirmation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.courses.PaidCourses.HeldCourse;
import org.junit.jupiter.api.Test;

class ConfirmationSheetTest {

    @Test
    void theSittingNamesTheTitleAndTheTheoryCoursesFollowTheExamTimetableAcrossUniversities() {
        ConfirmationSheet sheet = SampleSheets.sheet();

        assertThat(sheet.title()).isEqualTo("2026年10月上海市高等教育自学考试报考信息确认单");
        assertThat(sheet.theory()).extracting(ConfirmationSheet.Theory::courseName)
                .containsExactly("传播学概论", "学前心理学", "学前教育原理");
        assertThat(sheet.theory()).extracting(ConfirmationSheet.Theory::slotLabel)
                .containsExactly("2026年10月24日 上午", "2026年10月24日 下午", "2026年10月25日 上午");
        assertThat(sheet.theory().getFirst().universityName()).isEqualTo("复旦大学");
    }

    @Test
    void theTotalIsWhatWasPaidForTheoryCourses() {
        List<HeldCourse> courses = new java.util.ArrayList<>(SampleSheets.courses());
        // a practical course's fee is the university's to collect: never part of the total, whatever it says
        courses.add(new HeldCourse("10246", "复旦大学", "B020101", "经济学", "10998", "实验", "PRACTICAL", null, 9900,
                "REGISTERED", SampleSheets.PAID_AT));

        ConfirmationSheet sheet = ConfirmationSheet.of("考次", "考试院", new MaskedIdentity("张*", "3101"), "1",
                SampleSheets.registrations(), courses, Instant.EPOCH);

        assertThat(sheet.totalPaidFen()).isEqualTo(3 * 4500);
        assertThat(ConfirmationSheet.yuan(sheet.totalPaidFen())).isEqualTo("135.00");
    }

    @Test
    void practicalCoursesShowTheirStateAndASlotOnlyWhenTheUniversitySetOne() {
        ConfirmationSheet sheet = SampleSheets.sheet();

        assertThat(sheet.practical()).extracting(ConfirmationSheet.Practical::courseName,
                ConfirmationSheet.Practical::stateName, ConfirmationSheet.Practical::slotLabel)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("毕业论文", "待主考学校审核", "2026年10月25日 上午"),
                        org.assertj.core.groups.Tuple.tuple("幼儿园教育实习", "已报考（缴费以院校通知为准）",
                                "由主考学校安排"));
    }

    @Test
    void eachUniversityIsListedWithItsMajorAndANameEvenWhenTheRegistrationKeptNone() {
        ConfirmationSheet sheet = SampleSheets.sheet();

        assertThat(sheet.universities()).containsExactly(
                new ConfirmationSheet.University("10246", "复旦大学", "B020101", "经济学"),
                // kept without a name: the name its courses carry
                new ConfirmationSheet.University("10269", "华东师范大学", "A040106", "学前教育"));
    }

    @Test
    void withoutAPaidCourseThereIsNoConfirmation() {
        List<HeldCourse> onlyPractical = SampleSheets.courses().stream().filter(c -> c.kind().equals("PRACTICAL"))
                .toList();

        for (List<HeldCourse> courses : List.of(List.<HeldCourse>of(), onlyPractical)) {
            assertThatThrownBy(() -> ConfirmationSheet.of("考次", "考试院", new MaskedIdentity("张*", "3101"), null,
                    SampleSheets.registrations(), courses, Instant.EPOCH))
                    .isInstanceOfSatisfying(Refusal.class, refusal -> {
                        assertThat(refusal.code()).isEqualTo("CONFIRMATION_NOT_AVAILABLE");
                        assertThat(refusal.getMessage()).isEqualTo("您还没有支付成功的课程，课程支付成功后才能下载报考信息确认单");
                    });
        }
    }
}
