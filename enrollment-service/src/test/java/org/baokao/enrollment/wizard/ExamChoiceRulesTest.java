package org.baokao.enrollment.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baokao.enrollment.wizard.WizardFixtures.exam;
import static org.baokao.enrollment.wizard.WizardFixtures.info;
import static org.baokao.enrollment.wizard.WizardFixtures.roster;

import java.util.List;

import org.baokao.enrollment.exam.Violation;
import org.junit.jupiter.api.Test;

/** ENR-4: location, subject group, 是否兼报 and 不需要考试; and the fees they lead to (PAY-1). */
class ExamChoiceRulesTest {

    private static List<String> codes(Runnable call) {
        try {
            call.run();
        } catch (WizardInputException refused) {
            return refused.violations().stream().map(Violation::code).toList();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aGroupOfferedToTheMajorAtAnExamLocationIsTaken() {
        ExamChoice choice = ExamChoiceRules.require(exam(), Track.UNIFIED, roster("SCHOOL_RECOMMENDED"), info(),
                new ExamChoiceRules.Request("3717", "MED", null));

        assertThat(choice).isEqualTo(new ExamChoice("3717", true, "620403", "MED", null));
        assertThat(Fees.owed(exam(), choice)).extracting(FeeLine::name)
                .containsExactly("报名", "英语", "计算机", "大学语文", "高等数学II");
    }

    @Test
    void theLocationMustBeOneOfTheExams() {
        assertThat(codes(() -> ExamChoiceRules.require(exam(), Track.UNIFIED, roster("SCHOOL_RECOMMENDED"), info(),
                new ExamChoiceRules.Request("3702", "MED", null)))).containsExactly("LOCATION_NOT_IN_EXAM");
        assertThat(codes(() -> ExamChoiceRules.require(exam(), Track.UNIFIED, roster("SCHOOL_RECOMMENDED"), info(),
                new ExamChoiceRules.Request(null, "MED", null)))).containsExactly("LOCATION_REQUIRED");
    }

    @Test
    void theGroupMustBeOfferedToTheCandidatesMajor() {
        // SCI is offered to 510201 计算机应用技术, not to 620403 医学影像技术
        assertThat(codes(() -> ExamChoiceRules.require(exam(), Track.UNIFIED, roster("SCHOOL_RECOMMENDED"), info(),
                new ExamChoiceRules.Request("3717", "SCI", null)))).containsExactly("SUBJECT_GROUP_NOT_OFFERED");
        assertThat(codes(() -> ExamChoiceRules.require(exam(), Track.UNIFIED, roster("SCHOOL_RECOMMENDED"), info(),
                new ExamChoiceRules.Request("3717", null, null)))).containsExactly("SUBJECT_GROUP_REQUIRED");
    }

    @Test
    void onlyThreePlusTwoCandidatesAnswerConcurrentApplicationDefaultingToNo() {
        ExamChoice byDefault = ExamChoiceRules.require(exam(), Track.UNIFIED, roster("THREE_PLUS_TWO"), info(),
                new ExamChoiceRules.Request("3717", "MED", null));
        ExamChoice yes = ExamChoiceRules.require(exam(), Track.UNIFIED, roster("THREE_PLUS_TWO"), info(),
                new ExamChoiceRules.Request("3717", "MED", true, " 医学影像技术 "));

        assertThat(byDefault.concurrentApplication()).isFalse();
        assertThat(byDefault.concurrentMajor()).isNull();
        assertThat(yes.concurrentApplication()).isTrue();
        assertThat(yes.concurrentMajor()).isEqualTo("医学影像技术");
        assertThat(codes(() -> ExamChoiceRules.require(exam(), Track.UNIFIED, roster("SCHOOL_RECOMMENDED"), info(),
                new ExamChoiceRules.Request("3717", "MED", false)))).containsExactly("CONCURRENT_APPLICATION_NOT_ALLOWED");
    }

    /** Seed 000 §2.4: 是否兼报 是 names its 对应的专业; 否 names none. */
    @Test
    void concurrentApplicationNamesItsMajorExactlyWhenYes() {
        assertThat(codes(() -> ExamChoiceRules.require(exam(), Track.UNIFIED, roster("THREE_PLUS_TWO"), info(),
                new ExamChoiceRules.Request("3717", "MED", true)))).containsExactly("CONCURRENT_MAJOR_REQUIRED");
        assertThat(codes(() -> ExamChoiceRules.require(exam(), Track.UNIFIED, roster("THREE_PLUS_TWO"), info(),
                new ExamChoiceRules.Request("3717", "MED", true, "  ")))).containsExactly("CONCURRENT_MAJOR_REQUIRED");
        assertThat(codes(() -> ExamChoiceRules.require(exam(), Track.UNIFIED, roster("THREE_PLUS_TWO"), info(),
                new ExamChoiceRules.Request("3717", "MED", true, "专".repeat(51)))))
                .containsExactly("CONCURRENT_MAJOR_TOO_LONG");
        assertThat(codes(() -> ExamChoiceRules.require(exam(), Track.UNIFIED, roster("THREE_PLUS_TWO"), info(),
                new ExamChoiceRules.Request("3717", "MED", false, "医学影像技术"))))
                .containsExactly("CONCURRENT_MAJOR_NOT_ALLOWED");
        assertThat(ExamChoiceRules.require(exam(), Track.UNIFIED, roster("THREE_PLUS_TWO"), info(),
                new ExamChoiceRules.Request("3717", "MED", true, "专".repeat(50))).concurrentMajor()).hasSize(50);
    }

    @Test
    void aNoExamCategoryChoosesNoGroupAndOwesNothing() {
        ExamChoice choice = ExamChoiceRules.require(exam("1"), Track.UNIFIED, roster("SCHOOL_RECOMMENDED"), info(),
                new ExamChoiceRules.Request("3717", null, null));

        assertThat(choice.sitsExam()).isFalse();
        assertThat(choice.subjectGroupCode()).isNull();
        assertThat(Fees.owed(exam("1"), choice)).isEmpty();
        assertThat(codes(() -> ExamChoiceRules.require(exam("1"), Track.UNIFIED, roster("SCHOOL_RECOMMENDED"), info(),
                new ExamChoiceRules.Request("3717", "MED", null)))).containsExactly("SUBJECT_GROUP_NOT_NEEDED");
    }

    /** ENR-6: the veteran exemption track sits no exam. */
    @Test
    void veteransOnTheExemptionTrackSitNoExam() {
        ExamChoice choice = ExamChoiceRules.require(exam(), Track.VETERAN_EXEMPTION, roster("VETERAN"), info(),
                new ExamChoiceRules.Request("3701", null, null));

        assertThat(choice.sitsExam()).isFalse();
        assertThat(Track.VETERAN_EXEMPTION.isOpenTo("VETERAN")).isTrue();
        assertThat(Track.VETERAN_EXEMPTION.isOpenTo("SCHOOL_RECOMMENDED")).isFalse();
        assertThat(Track.UNIFIED.isOpenTo("VETERAN")).isTrue();
    }

    @Test
    void aGroupTheCatalogueNoLongerOffersCannotBeCharged() {
        assertThatThrownBy(() -> Fees.owed(exam(), new ExamChoice("3717", true, "620403", "GONE", null)))
                .hasMessageContaining("重新选报专业范围");
    }
}
