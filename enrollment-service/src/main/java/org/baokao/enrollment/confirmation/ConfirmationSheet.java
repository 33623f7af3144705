package org.baokao.enrollment.confirmation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;
import org.baokao.enrollment.courses.PaidCourses.HeldCourse;
import org.baokao.enrollment.exam.ExamSlot;
import org.baokao.enrollment.selfstudy.UniversityRegistration;

/**
 * What the 报考信息确认单 (SST-7) of a Shanghai 自考 candidate says for the current sitting: the sitting and the bureau,
 * who the candidate is (name and ID number masked as the candidate sees them: enrollment-service keeps no clear
 * personal data), the 准考证号, the universities held with their majors, the paid theory courses by exam time with
 * their fees, the practical courses with their state, the total paid and when it was printed.
 * <p>
 * It exists once a course is paid (courses count only when paid): before that, 409
 * {@code CONFIRMATION_NOT_AVAILABLE}. Practical courses are registered, not paid here (the university collects
 * their fee), so they neither open the 确认单 nor add to its total.
 */
@DomainModel
record ConfirmationSheet(String title, String bureauName, MaskedIdentity candidate, String admissionNumber,
        List<University> universities, List<Theory> theory, List<Practical> practical, long totalPaidFen,
        Instant printedAt) {

    static final String PAID = "PAID";

    ConfirmationSheet {
        universities = List.copyOf(universities);
        theory = List.copyOf(theory);
        practical = List.copyOf(practical);
    }

    /** A university held, with the one major held there; names fall back to the codes. */
    record University(String universityCode, String universityName, String majorCode, String majorName) {
    }

    /** A paid theory course, at its half-day slot ({@code slot} null: the plan set none). */
    record Theory(ExamSlot slot, String universityName, String courseCode, String courseName, long feeFen) {

        String slotLabel() {
            return slot == null ? "" : slot.label();
        }
    }

    /** A practical course held, with its state as the course page names it. */
    record Practical(String universityName, String courseCode, String courseName, ExamSlot slot, String state) {

        String slotLabel() {
            return slot == null ? "由主考学校安排" : slot.label();
        }

        String stateName() {
            return switch (state) {
                case "REGISTERED" -> "已报考（缴费以院校通知为准）";
                case "AWAITING_REVIEW" -> "待主考学校审核";
                case "APPROVED" -> "审核通过（缴费以院校通知为准）";
                case "REJECTED" -> "审核未通过";
                case PAID -> "已支付";
                default -> state;
            };
        }
    }

    /** 409 {@code CONFIRMATION_NOT_AVAILABLE} unless at least one of {@code courses} is paid. */
    static void requirePaid(List<HeldCourse> courses) {
        if (courses.stream().noneMatch(course -> PAID.equals(course.state()))) {
            throw notAvailable();
        }
    }

    static Refusal notAvailable() {
        return Refusal.conflict("CONFIRMATION_NOT_AVAILABLE", "您还没有支付成功的课程，课程支付成功后才能下载报考信息确认单");
    }

    /**
     * The 确认单 of {@code sittingName} (e.g. 2026年10月上海市高等教育自学考试) issued by {@code bureauName}: theory
     * courses are the paid ones, in exam-time order; practical courses all those held, by university and code.
     */
    static ConfirmationSheet of(String sittingName, String bureauName, MaskedIdentity candidate,
            String admissionNumber, List<UniversityRegistration> registrations, List<HeldCourse> courses,
            Instant printedAt) {
        requirePaid(courses);
        List<University> universities = registrations.stream()
                .map(registration -> new University(registration.universityCode(),
                        universityName(registration, courses), registration.majorCode(),
                        Objects.requireNonNullElse(registration.majorName(), registration.majorCode())))
                .toList();
        List<Theory> theory = courses.stream()
                .filter(course -> "THEORY".equals(course.kind()) && PAID.equals(course.state()))
                .sorted(Comparator.comparing(HeldCourse::slot, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(HeldCourse::universityCode).thenComparing(HeldCourse::courseCode))
                .map(course -> new Theory(course.slot(), nameOf(course), course.courseCode(), course.courseName(),
                        course.feeFen()))
                .toList();
        List<Practical> practical = courses.stream()
                .filter(course -> "PRACTICAL".equals(course.kind()))
                .sorted(Comparator.comparing(HeldCourse::universityCode).thenComparing(HeldCourse::courseCode))
                .map(course -> new Practical(nameOf(course), course.courseCode(), course.courseName(), course.slot(),
                        course.state()))
                .toList();
        long total = theory.stream().mapToLong(Theory::feeFen).sum();
        return new ConfirmationSheet(sittingName + "报考信息确认单", bureauName, candidate, admissionNumber,
                universities, theory, practical, total, printedAt);
    }

    /** The name kept with the registration, else the one the course carries, else the code. */
    private static String universityName(UniversityRegistration registration, List<HeldCourse> courses) {
        if (registration.universityName() != null) {
            return registration.universityName();
        }
        return courses.stream().filter(course -> registration.universityCode().equals(course.universityCode()))
                .map(HeldCourse::universityName).filter(Objects::nonNull).findFirst()
                .orElse(registration.universityCode());
    }

    private static String nameOf(HeldCourse course) {
        return Objects.requireNonNullElse(course.universityName(), course.universityCode());
    }

    /** The total paid in yuan, two decimals: 90.00. */
    static String yuan(long fen) {
        return String.format("%d.%02d", fen / 100, fen % 100);
    }
}
