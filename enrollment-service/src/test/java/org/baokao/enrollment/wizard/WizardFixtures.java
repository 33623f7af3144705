package org.baokao.enrollment.wizard;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.enrollment.exam.DailyHours;
import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.exam.ExamDrafts;
import org.baokao.enrollment.exam.ExamKind;
import org.baokao.enrollment.exam.ExamLocation;
import org.baokao.enrollment.exam.FeeItem;
import org.baokao.enrollment.exam.Pledge;
import org.baokao.enrollment.roster.CandidateProfile.RosterFacts;

/** Plain objects for the wizard's unit tests: the test catalogue's exam, roster facts, a sound step 3. */
final class WizardFixtures {

    static final Instant NOW = Instant.parse("2023-04-01T02:00:00Z");

    private WizardFixtures() {
    }

    static Exam exam(String... noExamCategories) {
        return new Exam(UUID.fromString("00000000-0000-0000-0000-000000000001"), "SD-ZSB-2023",
                "2023年普通高等教育专升本考试", ExamKind.UNIFIED_UPGRADE,
                new Exam.Window(Instant.parse("2023-03-29T00:00:00Z"), Instant.parse("2023-04-10T09:00:00Z")),
                new Exam.Window(Instant.parse("2023-04-11T16:00:00Z"), Instant.parse("2023-04-14T16:00:00Z")),
                DailyHours.ALL_DAY,
                List.of(new FeeItem("REGISTRATION", "报名", 3000), new FeeItem("ENGLISH", "英语", 5000),
                        new FeeItem("COMPUTER", "计算机", 5000), new FeeItem("CHINESE", "大学语文", 5000),
                        new FeeItem("MATH_I", "高等数学I", 5000), new FeeItem("MATH_II", "高等数学II", 5000)),
                List.of(new ExamLocation("3701", "济南市"), new ExamLocation("3717", "菏泽市")),
                new Pledge(2, "我承诺……"), ExamDrafts.catalogue(), List.of(noExamCategories), "sd");
    }

    static RosterFacts roster(String candidateType) {
        return new RosterFacts(UUID.randomUUID(), "张伟", candidateType, "10454", "山东医学高等专科学校", "620403",
                "医学影像技术");
    }

    static PersonalInfo info() {
        return new PersonalInfo("01", "01", "1", "山东省济南市历下区经十路1号", "250014", "zhangwei@example.com",
                "110000", "110105", "1");
    }

    static PhotoState verifiedPhoto() {
        UUID photo = UUID.randomUUID();
        return PhotoState.NONE.accepted(photo, NOW).verified(photo, NOW);
    }

    static ExamChoice medChoice() {
        return new ExamChoice("3717", true, "620403", "MED", null);
    }

    /** An enrollment walked up to {@code status} (photo verified), through the aggregate's own methods. */
    static Enrollment at(EnrollmentStatus status) {
        Exam exam = exam();
        Enrollment e = Enrollment.start(UUID.randomUUID(), exam, UUID.randomUUID(), Track.UNIFIED,
                status == EnrollmentStatus.PLEDGE_ACCEPTED ? PhotoState.NONE : verifiedPhoto(), NOW).enrollment();
        if (status.compareTo(EnrollmentStatus.PERSONAL_INFO_SAVED) >= 0) {
            e.savePersonalInfo(info(), exam, NOW);
        }
        if (status.compareTo(EnrollmentStatus.EXAM_CHOICE_SAVED) >= 0) {
            e.saveExamChoice(medChoice(), NOW);
        }
        if (status.compareTo(EnrollmentStatus.CONFIRMED) >= 0) {
            e.confirm(exam, NOW);
        }
        if (status == EnrollmentStatus.COMPLETED) {
            e.paymentSucceeded(UUID.randomUUID(), NOW);
        }
        return e;
    }
}
