package org.baokao.enrollment.wizard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.baokao.enrollment.dictionary.CodeList;
import org.baokao.enrollment.dictionary.Dictionaries;
import org.baokao.enrollment.dictionary.DictionaryEntry;
import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.exam.ExamLocation;
import org.baokao.enrollment.exam.MajorScopeCatalogue;
import org.baokao.enrollment.exam.MajorScopeCatalogue.ScopeMajor;
import org.baokao.enrollment.exam.MajorScopeCatalogue.SubjectGroup;
import org.baokao.enrollment.roster.CandidateProfile;

/**
 * An enrollment as the candidate's wizard shows it: where it stands (current step, steps done, what is next,
 * what may be saved), the roster's facts, what was saved with the names the forms print, the identity status
 * with its Chinese label, locked and editable fields, fees and payment status, and the {@code version} to send
 * back with the next write (also the response's ETag).
 */
public record EnrollmentView(UUID id, String examCode, String examName, Track track, String trackName,
        EnrollmentStatus status, String statusName, StepView currentStep, List<StepView> stepsDone,
        StepView nextStep, List<Step> writableSteps, int version, PledgeView pledge, PhotoView photo,
        IdentityStatus identityStatus, String identityStatusName, CandidateView candidate, PersonalInfoView personalInfo,
        ExamChoiceView examChoice, List<String> lockedFields, List<String> editableFields, FeesView fees,
        UUID orderId, Instant confirmedAt, Instant completedAt, Instant lastRefundedAt, Instant lastAmendedAt,
        boolean registrationOpen, boolean paymentOpen) {

    public record StepView(Step step, int number, String title) {

        static StepView of(Step step) {
            return new StepView(step, step.number(), step.title());
        }
    }

    public record PledgeView(int version, Instant acceptedAt) {
    }

    public record PhotoView(boolean accepted, UUID photoId, Instant acceptedAt) {
    }

    /** The roster's facts (not editable here: a wrong college or major is the college's to correct). */
    public record CandidateView(String name, String candidateType, String candidateTypeName, String idType,
            String idNumberMasked, String phoneMasked, String gender, String genderName, LocalDate birthDate,
            String collegeCode, String collegeName, String majorCode, String majorName) {
    }

    public record PersonalInfoView(String politicalStatus, String politicalStatusName, String ethnicity,
            String ethnicityName, String foreignLanguage, String foreignLanguageName, String mailingAddress,
            String postcode, String email, String householdProvince, String householdProvinceName,
            String householdCity, String householdCityName, String candidateCategory, String candidateCategoryName) {
    }

    /**
     * @param examNote                   不需要考试 for a candidate who sits no exam, else null
     * @param concurrentApplicationShown whether the form shows 是否兼报 (3+2 candidates only)
     * @param concurrentMajor            兼报对应的专业 when 是否兼报 is 是, else null
     */
    public record ExamChoiceView(String examLocation, String examLocationName, boolean sitsExam, String examNote,
            String subjectGroup, List<SubjectView> subjects, String subjectNames, List<ScopeMajor> scope,
            String scopeNames, boolean concurrentApplicationShown, Boolean concurrentApplication,
            String concurrentApplicationName, String concurrentMajor) {
    }

    public record SubjectView(String code, String name) {
    }

    /** @param paymentStatus UNPAID 未缴费, PAID 已缴费, NOT_REQUIRED 无需缴费; null before confirmation */
    public record FeesView(List<FeeLine> items, long totalFen, String paymentStatus, String paymentStatusName) {
    }

    static EnrollmentView of(Enrollment e, Exam exam, Optional<CandidateProfile> profile,
            Collection<String> amendable, Instant now) {
        EnrollmentStatus status = e.status();
        CandidateProfile.RosterFacts roster = profile.map(CandidateProfile::roster).orElse(null);
        return new EnrollmentView(e.id(), e.examCode(), exam.name(), e.track(), e.track().title(), status,
                status.label(), StepView.of(status.nextStep()),
                status.stepsDone().stream().map(StepView::of).toList(), StepView.of(status.nextStep()),
                List.copyOf(status.writableSteps()), e.version(), new PledgeView(e.pledgeVersion(), e.pledgeAcceptedAt()),
                new PhotoView(e.photo().isAccepted(), e.photo().photoId(), e.photo().acceptedAt()),
                e.photo().identity(), e.photo().identity().label(), candidate(profile.orElse(null)),
                personalInfo(e.personalInfo()), examChoice(e, exam, roster), e.lockedFields(),
                e.editableFields(amendable), fees(e), e.orderId(), e.confirmedAt(), e.completedAt(),
                e.lastRefundedAt(), e.lastAmendedAt(), exam.isRegistrationOpenAt(now), exam.isPaymentOpenAt(now));
    }

    private static CandidateView candidate(CandidateProfile profile) {
        if (profile == null) {
            return null;
        }
        CandidateProfile.RosterFacts r = profile.roster();
        return new CandidateView(r == null ? null : r.name(), r == null ? null : r.candidateType(),
                r == null ? null : r.candidateTypeName(), profile.idType(), profile.idNumberMasked(),
                profile.phoneMasked(), profile.gender(), profile.genderName(), profile.birthDate(),
                r == null ? null : r.collegeCode(), r == null ? null : r.collegeName(),
                r == null ? null : r.majorCode(), r == null ? null : r.majorName());
    }

    static PersonalInfoView personalInfo(PersonalInfo info) {
        if (info == null) {
            return null;
        }
        String provinceName = Dictionaries.REGIONS.province(info.householdProvince())
                .map(province -> province.name()).orElse(null);
        String cityName = Dictionaries.REGIONS.province(info.householdProvince())
                .flatMap(province -> province.cities().stream()
                        .filter(city -> city.code().equals(info.householdCity())).findFirst())
                .map(DictionaryEntry::name).orElse(null);
        return new PersonalInfoView(info.politicalStatus(), name(Dictionaries.POLITICAL_STATUS, info.politicalStatus()),
                info.ethnicity(), name(Dictionaries.ETHNICITY, info.ethnicity()), info.foreignLanguage(),
                name(Dictionaries.FOREIGN_LANGUAGE, info.foreignLanguage()), info.mailingAddress(), info.postcode(),
                info.email(), info.householdProvince(), provinceName, info.householdCity(), cityName,
                info.candidateCategory(), name(Dictionaries.CANDIDATE_CATEGORY, info.candidateCategory()));
    }

    static ExamChoiceView examChoice(Enrollment e, Exam exam, CandidateProfile.RosterFacts roster) {
        ExamChoice choice = e.examChoice();
        if (choice == null) {
            return null;
        }
        boolean threePlusTwo = roster != null && roster.isThreePlusTwo() || choice.concurrentApplication() != null;
        String locationName = exam.location(choice.locationCode()).map(ExamLocation::name).orElse(null);
        Optional<SubjectGroup> group = ExamChoiceRules.group(exam, choice.majorCode(), choice.subjectGroupCode());
        Function<String, String> subjectName = code -> exam.catalogue() instanceof MajorScopeCatalogue catalogue
                ? catalogue.subject(code).map(MajorScopeCatalogue.Subject::name).orElse(code) : code;
        List<SubjectView> subjects = group.map(g -> g.subjects().stream()
                .map(code -> new SubjectView(code, subjectName.apply(code))).toList()).orElse(List.of());
        List<ScopeMajor> scope = group.map(SubjectGroup::scope).orElse(List.of());
        return new ExamChoiceView(choice.locationCode(), locationName, choice.sitsExam(),
                choice.sitsExam() ? null : "不需要考试", choice.subjectGroupCode(), subjects,
                String.join("、", subjects.stream().map(SubjectView::name).toList()), scope,
                String.join(", ", scope.stream().map(m -> m.vocational() ? m.name() + "*" : m.name()).toList()),
                threePlusTwo, choice.concurrentApplication(),
                choice.concurrentApplication() == null ? null : choice.concurrentApplication() ? "是" : "否",
                choice.concurrentMajor());
    }

    static FeesView fees(Enrollment e) {
        if (!e.status().isConfirmed()) {
            return new FeesView(List.of(), 0, null, null);
        }
        long total = e.feeTotalFen();
        if (total == 0) {
            return new FeesView(e.fees(), 0, "NOT_REQUIRED", "无需缴费");
        }
        boolean paid = e.status() == EnrollmentStatus.COMPLETED;
        return new FeesView(e.fees(), total, paid ? "PAID" : "UNPAID", paid ? "已缴费" : "未缴费");
    }

    private static String name(CodeList list, String code) {
        return list.nameOf(code).orElse(null);
    }
}
