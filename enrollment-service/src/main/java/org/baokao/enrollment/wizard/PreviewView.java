package org.baokao.enrollment.wizard;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.roster.CandidateProfile;

/**
 * 信息预览 (ENR-7), as the manual's last screen groups it: 基本信息 (with 身份核验状态), 户籍信息, 学校信息 and
 * 考试科目信息, plus the payment and what may still be changed (修改部分报名信息).
 */
public record PreviewView(UUID id, String examCode, String examName, Track track, String trackName, int version,
        String notice, EnrollmentView.CandidateView candidate, EnrollmentView.PersonalInfoView personalInfo,
        String identityStatusName, Household household, School school, EnrollmentView.ExamChoiceView subjects,
        EnrollmentView.FeesView fees, Instant completedAt, List<String> editableFields, boolean amendmentOpen) {

    public record Household(String province, String provinceName, String city, String cityName) {
    }

    public record School(String collegeCode, String collegeName, String majorCode, String majorName,
            String foreignLanguage, String foreignLanguageName) {
    }

    static PreviewView of(Enrollment e, Exam exam, Optional<CandidateProfile> profile, List<String> amendable,
            Instant now) {
        EnrollmentView view = EnrollmentView.of(e, exam, profile, amendable, now);
        EnrollmentView.PersonalInfoView info = view.personalInfo();
        EnrollmentView.CandidateView candidate = view.candidate();
        return new PreviewView(e.id(), e.examCode(), exam.name(), e.track(), e.track().title(), e.version(),
                "你已完成网上报名，如需修改部分报名信息请点击此处", candidate, info, view.identityStatusName(),
                new Household(info.householdProvince(), info.householdProvinceName(), info.householdCity(),
                        info.householdCityName()),
                new School(candidate == null ? null : candidate.collegeCode(),
                        candidate == null ? null : candidate.collegeName(),
                        candidate == null ? null : candidate.majorCode(),
                        candidate == null ? null : candidate.majorName(), info.foreignLanguage(),
                        info.foreignLanguageName()),
                view.examChoice(), view.fees(), e.completedAt(), view.editableFields(), view.registrationOpen());
    }
}
