package org.baokao.enrollment.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.baokao.domain.DomainModel;
import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.exam.MajorScopeCatalogue;
import org.baokao.enrollment.exam.MajorScopeCatalogue.JuniorMajor;
import org.baokao.enrollment.exam.MajorScopeCatalogue.SubjectGroup;
import org.baokao.enrollment.exam.Violation;
import org.baokao.enrollment.roster.CandidateProfile.RosterFacts;

/**
 * The checks of step 4 (ENR-4): the location is one of the exam's; a candidate who sits the exam picks one of
 * the subject groups the catalogue offers their junior-college major, one who does not (a no-exam 考生类别, or
 * the veteran exemption track) picks none and sees 不需要考试; only 3+2 candidates answer 是否兼报 (否 unless
 * they say otherwise), and who says 是 names the major 兼报 is for (对应的专业, seed 000 §2.4).
 */
@DomainModel
public final class ExamChoiceRules {

    /** What the candidate sent. */
    public record Request(String locationCode, String subjectGroupCode, Boolean concurrentApplication,
            String concurrentMajor) {

        public Request(String locationCode, String subjectGroupCode, Boolean concurrentApplication) {
            this(locationCode, subjectGroupCode, concurrentApplication, null);
        }
    }

    /** The longest 兼报专业 name kept (the national catalogue's names are far shorter). */
    public static final int CONCURRENT_MAJOR_MAX = 50;

    private ExamChoiceRules() {
    }

    /** Whether this candidate sits the exam: the track has one, and their 考生类别 is not a no-exam one. */
    public static boolean sitsExam(Exam exam, Track track, PersonalInfo info) {
        return track.sitsExam() && exam.needsExam(info.candidateCategory());
    }

    /** The checked choice, or 400 with every violation. */
    public static ExamChoice require(Exam exam, Track track, RosterFacts roster, PersonalInfo info, Request request) {
        List<Violation> violations = new ArrayList<>();
        if (request.locationCode() == null || request.locationCode().isBlank()) {
            violations.add(new Violation("examLocation", "LOCATION_REQUIRED", "请选择考试地点（学校或户籍所在地）"));
        } else if (exam.location(request.locationCode()).isEmpty()) {
            violations.add(new Violation("examLocation", "LOCATION_NOT_IN_EXAM", "所选考试地点不在本次考试的考试地点中"));
        }
        boolean sitsExam = sitsExam(exam, track, info);
        boolean hasGroup = request.subjectGroupCode() != null && !request.subjectGroupCode().isBlank();
        if (sitsExam && !hasGroup) {
            violations.add(new Violation("subjectGroup", "SUBJECT_GROUP_REQUIRED", "请选择考试科目及报考专业范围"));
        } else if (sitsExam && group(exam, roster.majorCode(), request.subjectGroupCode()).isEmpty()) {
            violations.add(new Violation("subjectGroup", "SUBJECT_GROUP_NOT_OFFERED", major(exam, roster).isEmpty()
                    ? "你的毕业专业（" + roster.majorCode() + " " + roster.majorName() + "）不在本次考试的专业目录中，请联系所在专科学校"
                    : "所选科目组不在你的毕业专业（" + roster.majorName() + "）可报考的专业范围中"));
        } else if (!sitsExam && hasGroup) {
            violations.add(new Violation("subjectGroup", "SUBJECT_GROUP_NOT_NEEDED", "你不需要考试，无需选择考试科目"));
        }
        if (!roster.isThreePlusTwo() && request.concurrentApplication() != null) {
            violations.add(new Violation("concurrentApplication", "CONCURRENT_APPLICATION_NOT_ALLOWED",
                    "只有3+2考生需要填写是否兼报"));
        }
        String concurrentMajor = request.concurrentMajor() == null ? "" : request.concurrentMajor().strip();
        boolean concurrentYes = roster.isThreePlusTwo() && Boolean.TRUE.equals(request.concurrentApplication());
        if (concurrentYes && concurrentMajor.isEmpty()) {
            violations.add(new Violation("concurrentMajor", "CONCURRENT_MAJOR_REQUIRED", "选择兼报时，请填写兼报对应的专业"));
        } else if (concurrentYes && concurrentMajor.length() > CONCURRENT_MAJOR_MAX) {
            violations.add(new Violation("concurrentMajor", "CONCURRENT_MAJOR_TOO_LONG",
                    "兼报对应的专业不能超过" + CONCURRENT_MAJOR_MAX + "个字"));
        } else if (!concurrentYes && !concurrentMajor.isEmpty()) {
            violations.add(new Violation("concurrentMajor", "CONCURRENT_MAJOR_NOT_ALLOWED",
                    "未选择兼报，无需填写兼报对应的专业"));
        }
        if (!violations.isEmpty()) {
            throw new WizardInputException(violations);
        }
        Boolean concurrent = roster.isThreePlusTwo() ? Boolean.TRUE.equals(request.concurrentApplication()) : null;
        return new ExamChoice(request.locationCode(), sitsExam, sitsExam ? roster.majorCode() : null,
                sitsExam ? request.subjectGroupCode() : null, concurrent, concurrentYes ? concurrentMajor : null);
    }

    /** The group a choice names, if the catalogue still offers it to that major. */
    public static Optional<SubjectGroup> group(Exam exam, String majorCode, String groupCode) {
        if (majorCode == null || groupCode == null) {
            return Optional.empty();
        }
        return major(exam, majorCode).flatMap(major -> major.groups().stream()
                .filter(group -> group.code().equals(groupCode)).findFirst());
    }

    private static Optional<JuniorMajor> major(Exam exam, RosterFacts roster) {
        return major(exam, roster.majorCode());
    }

    private static Optional<JuniorMajor> major(Exam exam, String majorCode) {
        return exam.catalogue() instanceof MajorScopeCatalogue catalogue ? catalogue.major(majorCode)
                : Optional.empty();
    }
}
