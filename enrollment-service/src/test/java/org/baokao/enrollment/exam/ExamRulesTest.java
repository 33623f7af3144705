package org.baokao.enrollment.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baokao.enrollment.exam.ExamDrafts.valid;
import static org.baokao.enrollment.exam.ExamDrafts.with;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.baokao.enrollment.exam.MajorScopeCatalogue.JuniorMajor;
import org.baokao.enrollment.exam.MajorScopeCatalogue.SubjectGroup;
import org.junit.jupiter.api.Test;

/** ENR-1: the rules of an exam configuration, each with its stable code. */
class ExamRulesTest {

    private final ExamDraft sound = valid("SD-ZSB-T");

    @Test
    void aSoundConfigurationHasNoViolations() {
        assertThat(ExamRules.check(sound)).isEmpty();
    }

    @Test
    void codeNameAndKindAreRequired() {
        assertThat(codes(with(sound, b -> {
            b.code = "SD ZSB";
            b.name = " ";
            b.kind = null;
            return b;
        }))).contains("EXAM_CODE_INVALID", "EXAM_NAME_REQUIRED", "EXAM_KIND_REQUIRED");
    }

    @Test
    void windowsMustBeInOrder() {
        Instant t = Instant.parse("2026-03-01T00:00:00Z");
        assertThat(codes(with(sound, b -> {
            b.registration = new ExamDraft.WindowDraft(t, t);
            return b;
        }))).contains("REGISTRATION_WINDOW_INVALID");
        assertThat(codes(with(sound, b -> {
            b.payment = new ExamDraft.PaymentDraft(t.plusSeconds(60), t, null, null);
            return b;
        }))).contains("PAYMENT_WINDOW_INVALID");
        assertThat(codes(with(sound, b -> {
            b.registration = new ExamDraft.WindowDraft(t, t.plusSeconds(86_400));
            b.payment = new ExamDraft.PaymentDraft(t.minusSeconds(1), t.plusSeconds(86_400), null, null);
            return b;
        }))).containsExactly("PAYMENT_BEFORE_REGISTRATION");
        assertThat(codes(with(sound, b -> {
            b.registration = null;
            b.payment = new ExamDraft.PaymentDraft(null, t, null, null);
            return b;
        }))).contains("REGISTRATION_WINDOW_REQUIRED", "PAYMENT_WINDOW_REQUIRED");
    }

    @Test
    void dailyHoursMustBeHoursOfOneDayInOrder() {
        for (String[] hours : new String[][] { { "22:00", "08:00" }, { "8:00", "22:00" }, { "08:00", null },
                { "08:00", "24:01" }, { "24:00", "24:00" }, { "08:60", "22:00" } }) {
            assertThat(codes(with(sound, b -> {
                b.payment = new ExamDraft.PaymentDraft(sound.payment().opensAt(), sound.payment().closesAt(),
                        hours[0], hours[1]);
                return b;
            }))).as("%s–%s", hours[0], hours[1]).containsExactly("DAILY_HOURS_INVALID");
        }
        assertThat(ExamRules.check(with(sound, b -> {
            b.payment = new ExamDraft.PaymentDraft(sound.payment().opensAt(), sound.payment().closesAt(),
                    "00:00", "24:00");
            return b;
        }))).isEmpty();
    }

    @Test
    void feesAreWholeFenFromZeroWithUniqueCodes() {
        List<ExamDraft.FeeDraft> fees = new ArrayList<>(sound.fees());
        fees.set(1, new ExamDraft.FeeDraft("ENGLISH", "英语", -1L));
        fees.set(2, new ExamDraft.FeeDraft("COMPUTER", "", null));
        fees.add(new ExamDraft.FeeDraft("CHINESE", "大学语文", 0L));
        fees.add(new ExamDraft.FeeDraft("OTHER", "其他", 10_000_001L));
        assertThat(codes(with(sound, b -> {
            b.fees = fees;
            return b;
        }))).containsExactlyInAnyOrder("FEE_AMOUNT_NEGATIVE", "FEE_NAME_REQUIRED", "FEE_AMOUNT_REQUIRED",
                "FEE_CODE_DUPLICATE", "FEE_AMOUNT_TOO_LARGE");
        assertThat(codes(with(sound, b -> {
            b.fees = List.of();
            return b;
        }))).contains("FEES_REQUIRED");
    }

    @Test
    void anUpgradeExamChargesRegistrationAndEverySubjectItUses() {
        assertThat(codes(with(sound, b -> {
            b.fees = sound.fees().subList(1, sound.fees().size() - 1);
            return b;
        }))).containsExactlyInAnyOrder("REGISTRATION_FEE_MISSING", "SUBJECT_FEE_MISSING");
        assertThat(ExamRules.check(with(sound, b -> {
            b.fees = List.of(new ExamDraft.FeeDraft("REGISTRATION", "报名", 0L),
                    new ExamDraft.FeeDraft("ENGLISH", "英语", 0L), new ExamDraft.FeeDraft("COMPUTER", "计算机", 0L),
                    new ExamDraft.FeeDraft("CHINESE", "大学语文", 0L), new ExamDraft.FeeDraft("MATH_I", "高数I", 0L),
                    new ExamDraft.FeeDraft("MATH_II", "高数II", 0L));
            return b;
        }))).as("free is allowed").isEmpty();
    }

    @Test
    void locationsAreRequiredAndUnique() {
        assertThat(codes(with(sound, b -> {
            b.locations = List.of(new ExamLocation("3701", "济南市"), new ExamLocation("3701", "青岛市"),
                    new ExamLocation("3703", "济南市"), new ExamLocation("", "淄博市"));
            return b;
        }))).containsExactlyInAnyOrder("LOCATION_CODE_DUPLICATE", "LOCATION_NAME_DUPLICATE", "LOCATION_CODE_INVALID");
        assertThat(codes(with(sound, b -> {
            b.locations = List.of();
            return b;
        }))).containsExactly("LOCATIONS_REQUIRED");
    }

    @Test
    void thePledgeIsRequired() {
        assertThat(codes(with(sound, b -> {
            b.pledgeText = "  ";
            return b;
        }))).containsExactly("PLEDGE_REQUIRED");
    }

    @Test
    void anUpgradeExamNeedsAMajorScopeCatalogueAndSelfStudyCannotUseOne() {
        assertThat(codes(with(sound, b -> {
            b.catalogue = null;
            return b;
        }))).containsExactly("CATALOGUE_REQUIRED");
        assertThat(codes(with(sound, b -> {
            b.kind = ExamKind.SELF_STUDY;
            return b;
        }))).containsExactly("CATALOGUE_KIND_MISMATCH");
        assertThat(ExamRules.check(with(sound, b -> {
            b.kind = ExamKind.SELF_STUDY;
            b.catalogue = null;
            return b;
        }))).as("a self-study exam waits for its course plan").isEmpty();
    }

    @Test
    void aSelfStudyExamTakesACoursePlanAndAnUpgradeExamCannot() {
        ExamDraft selfStudy = ExamDrafts.selfStudy("SH-ZK-T");
        assertThat(ExamRules.check(selfStudy)).isEmpty();
        assertThat(ExamRules.check(with(sound, b -> {
            b.catalogue = ExamDrafts.coursePlan();
            return b;
        }))).containsExactly(new Violation("catalogue.form", "CATALOGUE_KIND_MISMATCH", "专业目录的形式与考试类型不符"));
        assertThat(ExamRules.check(with(selfStudy, b -> {
            b.catalogue = new CoursePlanCatalogue(List.of(new CoursePlanCatalogue.University("10246", "复旦大学",
                    null, List.of())));
            return b;
        }))).as("the course plan's own rules are the exam's")
                .containsExactly(new Violation("catalogue.universities[0].majors", "UNIVERSITY_MAJORS_REQUIRED",
                        "主考学校复旦大学至少要有一个专业"));
    }

    @Test
    void theCatalogueHasUniqueCodesAndKnownSubjects() {
        MajorScopeCatalogue good = ExamDrafts.catalogue();
        List<JuniorMajor> majors = new ArrayList<>(good.majors());
        majors.add(new JuniorMajor("620403", "医学影像技术", good.majors().getFirst().groups()));
        majors.add(new JuniorMajor("999999", "无科目组专业", List.of()));
        majors.add(new JuniorMajor("888888", "", List.of(
                new SubjectGroup("G", List.of("ENGLISH", "PHYSICS", "ENGLISH"), List.of()),
                new SubjectGroup("G", List.of(), List.of(new MajorScopeCatalogue.ScopeMajor(null, "护理学", false),
                        new MajorScopeCatalogue.ScopeMajor(null, "护理学", false))))));
        List<MajorScopeCatalogue.Subject> subjects = new ArrayList<>(good.subjects());
        subjects.add(new MajorScopeCatalogue.Subject("ENGLISH", "英语"));
        subjects.add(new MajorScopeCatalogue.Subject("REGISTRATION", "报名"));
        assertThat(codes(with(sound, b -> {
            b.catalogue = new MajorScopeCatalogue(subjects, majors);
            return b;
        }))).containsExactlyInAnyOrder("SUBJECT_CODE_DUPLICATE", "SUBJECT_CODE_RESERVED", "MAJOR_CODE_DUPLICATE",
                "SUBJECT_GROUPS_REQUIRED", "MAJOR_NAME_REQUIRED", "SUBJECT_UNKNOWN", "SUBJECT_REPEATED",
                "SCOPE_REQUIRED", "SUBJECT_GROUP_CODE_DUPLICATE", "SUBJECT_GROUP_SUBJECTS_REQUIRED",
                "SCOPE_MAJOR_DUPLICATE", "SUBJECT_FEE_MISSING");
        assertThat(codes(with(sound, b -> {
            b.catalogue = new MajorScopeCatalogue(List.of(), List.of());
            return b;
        }))).contains("CATALOGUE_SUBJECTS_REQUIRED", "CATALOGUE_MAJORS_REQUIRED");
    }

    @Test
    void noExamCategoriesComeFromTheDictionary() {
        assertThat(codes(with(sound, b -> {
            b.noExamCategories = List.of("1", "城市应届");
            return b;
        }))).containsExactly("NO_EXAM_CATEGORY_UNKNOWN");
    }

    private static List<String> codes(ExamDraft draft) {
        return ExamRules.check(draft).stream().map(Violation::code).toList();
    }
}
