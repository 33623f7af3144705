package org.baokao.enrollment.partnerapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.consent.Consents;
import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.exam.ExamConfigurations;
import org.baokao.enrollment.exam.ExamKind;
import org.baokao.enrollment.exam.ExamLocation;
import org.baokao.enrollment.exam.MajorScopeCatalogue;
import org.baokao.enrollment.wizard.EnrollmentStatus;
import org.baokao.enrollment.wizard.Track;
import org.springframework.stereotype.Service;

/**
 * What partner bureaus read through the partner API (API-1, API-3), always of their own bureau only (the
 * directory's {@code bureau}, whatever they send), each read audited ({@link PartnerReadAudit}) before it is
 * answered: verify a candidate's enrollments, page through an exam's enrollments, and read a candidate's admission
 * data with the candidate's consent. The controllers check the partner's scopes first. Today these are the Shandong
 * 专升本 enrollments (the wizard's): the 自考 course orders of an open-registration bureau have no name here to match
 * and no list of this shape yet.
 */
@Service
class PartnerReads {

    private final PartnerCandidates candidates;
    private final PartnerEnrollmentPages pages;
    private final ExamConfigurations exams;
    private final Consents consents;
    private final PartnerReadAudit audit;

    PartnerReads(PartnerCandidates candidates, PartnerEnrollmentPages pages, ExamConfigurations exams,
            Consents consents, PartnerReadAudit audit) {
        this.candidates = candidates;
        this.pages = pages;
        this.exams = exams;
        this.consents = consents;
        this.audit = audit;
    }

    /** One enrollment as verify answers it (API-1): the exam, where the enrollment stands, paid or not. */
    record VerifiedEnrollment(String examCode, String examName, String status, boolean paid) {
    }

    /**
     * The enrollments, at the partner's bureau, of the candidate with this ID type, number and name; empty when no
     * candidate has all three (the same answer whether the number is unknown or the name differs).
     */
    List<VerifiedEnrollment> verify(PartnerCall call, CandidateQuery query) {
        Set<UUID> named = new LinkedHashSet<>(candidates.named(query));
        List<PartnerCandidates.Verified> found = candidates.enrollments(named, call.bureau());
        audit.verified(call, query, named, found.size());
        return found.stream().map(e -> new VerifiedEnrollment(e.examCode(), e.examName(), e.status(),
                paid(e.status()))).toList();
    }

    /** The candidate of one listed enrollment: the name in clear, the ID number only masked. */
    record ListedCandidate(String name, String idType, String idNumberMasked) {

        /** Never prints the name. */
        @Override
        public String toString() {
            return "ListedCandidate[idType=" + idType + ", idNumberMasked=" + idNumberMasked + "]";
        }
    }

    /** One enrollment of an exam's list (API-1); {@code reference} is the enrollment's id. */
    record ListedEnrollment(UUID reference, String examCode, String status, boolean paid, String track,
            Instant registeredAt, Instant confirmedAt, Instant completedAt, ListedCandidate candidate) {
    }

    /**
     * A page: {@code nextCursor} to ask for the next one now (null: the walk has seen every enrollment that was
     * there when it began); {@code resumeCursor} to come back with later for exactly the enrollments added since.
     */
    record EnrollmentPage(List<ListedEnrollment> items, String nextCursor, String resumeCursor) {
    }

    /** A page of {@code examCode}'s enrollments; another bureau's exam is 404 {@code EXAM_NOT_FOUND}. */
    EnrollmentPage list(PartnerCall call, String examCode, EnrollmentPageQuery query) {
        Exam exam = exams.require(call.bureau(), examCode);
        if (exam.kind() != ExamKind.UNIFIED_UPGRADE) {
            throw Refusal.invalid("EXAM_KIND_UNSUPPORTED",
                    "该考试为" + exam.kind().chineseName() + "，暂不提供报名名单查询，仅支持普通高等教育专升本考试");
        }
        PartnerEnrollmentPages.Snapshot now = pages.snapshot();
        EnrollmentCursor position = query.cursor() == null ? EnrollmentCursor.start(exam.code(), now.horizon())
                : query.cursor().hasHorizon() ? query.cursor() : query.cursor().withHorizon(now.horizon());
        // a walk covers the transactions that began before it (below its horizon), each only once it has ended
        // (below the watermark); later ones are the next walk's, from the resume cursor
        long end = Math.min(now.watermark(), position.horizon());
        List<PartnerEnrollmentPages.Row> rows = pages.rows(exam.id(), query, position, end, query.limit() + 1);
        boolean more = rows.size() > query.limit();
        List<PartnerEnrollmentPages.Row> page = more ? rows.subList(0, query.limit()) : rows;
        EnrollmentCursor last = page.isEmpty() ? position
                : position.after(page.getLast().xid(), page.getLast().id());
        boolean done = !more && now.watermark() >= position.horizon();
        audit.listed(call, exam, query, page.stream().map(PartnerEnrollmentPages.Row::candidateId).toList());
        return new EnrollmentPage(page.stream().map(row -> listed(exam, row)).toList(),
                done ? null : last.encode(), last.resumable().encode());
    }

    private static ListedEnrollment listed(Exam exam, PartnerEnrollmentPages.Row row) {
        return new ListedEnrollment(row.id(), exam.code(), row.status(), paid(row.status()), row.track(),
                row.registeredAt(), row.confirmedAt(), row.completedAt(),
                new ListedCandidate(row.name(), row.idType(), row.idNumberMasked()));
    }

    /** A subject the candidate sits (考试科目). */
    record AdmissionSubject(String code, String name) {
    }

    /**
     * A candidate's admission data for one enrollment (准考信息, API-3), as far as the platform has it: the exam, the
     * track, the 考试地点 (考区) and the 考试科目 chosen (ENR-4), whether paid. {@code admissionNumber} is the 准考证号
     * when the platform holds one: a Shandong 专升本 enrollment has none here (the bureau issues it after registration
     * closes), so it is null. The platform keeps no sitting times for 专升本 subjects.
     */
    record Admission(String examCode, String examName, String track, String trackName, String status, boolean paid,
            boolean confirmed, String admissionNumber, ExamLocation examLocation, Boolean sitsExam,
            List<AdmissionSubject> subjects) {
    }

    record AdmissionData(List<Admission> admissions) {
    }

    /**
     * The admission data at the partner's bureau of the candidate with this ID type, number and name, only if they
     * granted this partner consent (API-3); otherwise 403 {@code CONSENT_REQUIRED} — the same answer when no such
     * candidate exists, so the refusal tells nothing of who is registered.
     */
    AdmissionData admission(PartnerCall call, CandidateQuery query) {
        Set<UUID> named = new LinkedHashSet<>(candidates.named(query));
        Set<UUID> consenting = consents.consenting(named, call.bureau(), call.partner().clientId());
        if (consenting.isEmpty()) {
            audit.admission(call, query, named, "CONSENT_REQUIRED", 0);
            throw Refusal.forbidden("CONSENT_REQUIRED", "考生未授权该合作方查询准考信息");
        }
        List<Admission> admissions = new ArrayList<>();
        for (PartnerCandidates.Sitting sitting : candidates.sittings(consenting, call.bureau())) {
            exams.find(sitting.examCode()).ifPresent(exam -> admissions.add(admission(exam, sitting)));
        }
        audit.admission(call, query, consenting, "READ", admissions.size());
        return new AdmissionData(admissions);
    }

    private static Admission admission(Exam exam, PartnerCandidates.Sitting sitting) {
        Track track = Track.valueOf(sitting.track());
        EnrollmentStatus status = EnrollmentStatus.valueOf(sitting.status());
        ExamLocation location = sitting.examLocationCode() == null ? null
                : exam.location(sitting.examLocationCode())
                        .orElse(new ExamLocation(sitting.examLocationCode(), null));
        return new Admission(exam.code(), exam.name(), track.name(), track.title(), status.name(),
                status == EnrollmentStatus.COMPLETED, status.isConfirmed(), null, location, sitting.sitsExam(),
                subjects(exam, sitting));
    }

    /** The subjects of the group chosen, by the exam's catalogue; none before a group is chosen or without exam. */
    private static List<AdmissionSubject> subjects(Exam exam, PartnerCandidates.Sitting sitting) {
        if (sitting.subjectGroupCode() == null || !(exam.catalogue() instanceof MajorScopeCatalogue catalogue)) {
            return List.of();
        }
        Optional<MajorScopeCatalogue.SubjectGroup> group = catalogue.major(sitting.juniorMajorCode())
                .flatMap(major -> major.groups().stream()
                        .filter(g -> g.code().equals(sitting.subjectGroupCode())).findFirst());
        return group.map(g -> g.subjects().stream().map(code -> new AdmissionSubject(code,
                catalogue.subject(code).map(MajorScopeCatalogue.Subject::name).orElse(code))).toList())
                .orElse(List.of());
    }

    /** Paid: the fees are settled (COMPLETED: paid, or nothing was owed), as the candidate's own page says 已缴费. */
    private static boolean paid(String status) {
        return EnrollmentStatus.COMPLETED.name().equals(status);
    }
}
