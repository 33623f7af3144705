package org.baokao.enrollment.confirmation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.baokao.enrollment.courses.PaidCourses.HeldCourse;
import org.baokao.enrollment.exam.ExamSlot;
import org.baokao.enrollment.exam.HalfDay;
import org.baokao.enrollment.selfstudy.RegistrationOrigin;
import org.baokao.enrollment.selfstudy.UniversityRegistration;

/**
 * A Shanghai candidate holding 复旦大学 (经济学) and 华东师范大学 (学前教育) with courses in every state the 确认单 knows,
 * as CourseReadiness and PaidCourses would give them.
 */
final class SampleSheets {

    static final Instant PAID_AT = Instant.parse("2026-09-10T02:00:00Z");
    static final ExamSlot SAT_AM = new ExamSlot(LocalDate.of(2026, 10, 24), HalfDay.AM);
    static final ExamSlot SAT_PM = new ExamSlot(LocalDate.of(2026, 10, 24), HalfDay.PM);
    static final ExamSlot SUN_AM = new ExamSlot(LocalDate.of(2026, 10, 25), HalfDay.AM);

    private SampleSheets() {
    }

    static List<UniversityRegistration> registrations() {
        return List.of(
                new UniversityRegistration("10246", "复旦大学", "B020101", "经济学", false, "262024600001",
                        RegistrationOrigin.REGISTRATION, "SH-ZK-2026-10", Instant.parse("2026-09-01T02:00:00Z")),
                new UniversityRegistration("10269", null, "A040106", "学前教育", false, null, RegistrationOrigin.ADDED,
                        "SH-ZK-2026-10", Instant.parse("2026-09-02T02:00:00Z")));
    }

    static List<HeldCourse> courses() {
        return List.of(
                theory("10269", "华东师范大学", "A040106", "学前教育", "00398", "学前教育原理", SUN_AM, 4500),
                theory("10246", "复旦大学", "B020101", "经济学", "00642", "传播学概论", SAT_AM, 4500),
                theory("10269", "华东师范大学", "A040106", "学前教育", "00402", "学前心理学", SAT_PM, 4500),
                new HeldCourse("10269", "华东师范大学", "A040106", "学前教育", "00403", "幼儿园教育实习",
                        "PRACTICAL", null, 0, "REGISTERED", PAID_AT),
                new HeldCourse("10246", "复旦大学", "B020101", "经济学", "10999", "毕业论文", "PRACTICAL", SUN_AM, 0,
                        "AWAITING_REVIEW", PAID_AT));
    }

    static HeldCourse theory(String university, String universityName, String major, String majorName,
            String code, String name, ExamSlot slot, long feeFen) {
        return new HeldCourse(university, universityName, major, majorName, code, name, "THEORY", slot, feeFen,
                "PAID", PAID_AT);
    }

    static ConfirmationSheet sheet() {
        return ConfirmationSheet.of("2026年10月上海市高等教育自学考试", "上海市教育考试院",
                new MaskedIdentity("张*", "310***********1234"), "262024600001", registrations(), courses(),
                Instant.parse("2026-10-05T02:30:00Z"));
    }
}
