package org.baokao.enrollment.wizard;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.exam.ExamConfigurations;
import org.baokao.enrollment.exam.ExamKind;
import org.baokao.enrollment.roster.CandidateProfile;
import org.baokao.enrollment.roster.RosterProjection;
import org.baokao.events.DomainEvent;
import org.baokao.events.payment.PaymentRefunded;
import org.baokao.events.payment.PaymentSucceeded;
import org.baokao.messaging.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Shandong wizard's use cases (ENR-2..ENR-7): each candidate write checks ownership (another candidate's
 * enrollment is 404, never 403), the registration window (ENR-1), the version the candidate read (optimistic
 * locking; an identical replay of a save is answered with the current state), lets {@link Enrollment} apply the
 * step's rule, stores it and publishes its events through the outbox in the same transaction. A candidate finds
 * only exams and enrollments of the bureau addressed (BUR-1): another bureau's are 404 as if they did not exist.
 * Photo and payment events from the other services come in through {@link WizardPhotoEvents} and
 * {@link PaymentEvents} (which hands this class the payments of enrollments).
 */
@Service
@EnableConfigurationProperties(WizardProperties.class)
public class EnrollmentWizard {

    /** The consumer of payment-service's payments and refunds (step 6, and course orders: {@link PaymentEvents}). */
    static final String PAYMENT_CONSUMER = "enrollment-service.wizard-payment";

    private static final Logger log = LoggerFactory.getLogger(EnrollmentWizard.class);

    private final EnrollmentRepository enrollments;
    private final WizardCandidates candidates;
    private final ExamConfigurations exams;
    private final RosterProjection roster;
    private final Outbox outbox;
    private final WizardProperties properties;
    private final Clock clock;

    EnrollmentWizard(EnrollmentRepository enrollments, WizardCandidates candidates, ExamConfigurations exams,
            RosterProjection roster, Outbox outbox, WizardProperties properties, Clock clock) {
        this.enrollments = enrollments;
        this.candidates = candidates;
        this.exams = exams;
        this.roster = roster;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    /** What step 1 sends: the checkbox, the pledge version shown, and the track (UNIFIED unless said). */
    public record StartRequest(Boolean accepted, Integer pledgeVersion, Track track) {
    }

    /** An enrollment and whether this call created it (a repeated start answers the existing one). */
    public record Started(Enrollment enrollment, Exam exam, boolean created) {
    }

    /**
     * The candidate's own enrollment with its exam, as a use case read it: the answer's view needs the exam too,
     * and reading it once per request spares the save path two round trips (issue 23, the wizard benchmark).
     */
    public record OwnEnrollment(Enrollment enrollment, Exam exam) {
    }

    /**
     * Step 1 (ENR-2): accepting the pledge starts the enrollment; once per candidate, exam and track. The exam is
     * one of {@code bureau}'s.
     */
    @Transactional
    public Started start(UUID candidateId, String bureau, String examCode, StartRequest request) {
        Exam exam = exams.require(bureau, examCode);
        if (exam.kind() != ExamKind.UNIFIED_UPGRADE) {
            throw Refusal.conflict("WIZARD_NOT_AVAILABLE", "该考试暂不支持网上报名");
        }
        Instant now = clock.instant();
        requireRegistrationOpen(exam, now);
        if (!Boolean.TRUE.equals(request.accepted())) {
            throw Refusal.invalid("PLEDGE_NOT_ACCEPTED", "请认真阅读报考承诺并勾选「我已阅读并承诺」");
        }
        if (exam.pledge() == null) {
            throw Refusal.conflict("PLEDGE_NOT_CONFIGURED", "该考试尚未配置报考承诺，暂不能报名");
        }
        if (request.pledgeVersion() != null && request.pledgeVersion() != exam.pledge().version()) {
            throw Refusal.conflict("PLEDGE_OUTDATED", "报考承诺已更新，请重新阅读后再承诺");
        }
        CandidateProfile profile = roster.findCandidateProfile(candidateId).orElseThrow(EnrollmentWizard::profileNotReady);
        if (profile.examCode() != null && !profile.examCode().equals(exam.code())) {
            throw Refusal.conflict("NOT_ON_ROSTER", "你不在该考试的考生名单中");
        }
        Track track = request.track() == null ? Track.UNIFIED : request.track();
        if (track != Track.UNIFIED) {
            if (!profile.hasRoster()) {
                throw profileNotReady();
            }
            if (!track.isOpenTo(profile.roster().candidateType())) {
                throw Refusal.conflict("TRACK_NOT_ALLOWED", "只有考生类型为退役士兵的考生可以报考" + track.title());
            }
        }
        PhotoState photo = candidates.lock(candidateId, now);
        Optional<Enrollment> existing = enrollments.find(candidateId, exam.id(), track);
        if (existing.isPresent()) {
            return new Started(existing.get(), exam, false);
        }
        Optional<Track> confirmed = enrollments.confirmedTrack(candidateId, exam.id());
        if (confirmed.isPresent()) {
            throw trackExclusive(confirmed.get(), track);
        }
        Enrollment.Started started = Enrollment.start(UUID.randomUUID(), exam, candidateId, track, photo, now);
        enrollments.insert(started.enrollment());
        outbox.publish(started.event());
        log.info("Enrollment {} started: exam {}, track {}", started.enrollment().id(), exam.code(), track);
        return new Started(enrollments.find(started.enrollment().id()).orElseThrow(), exam, true);
    }

    /**
     * The candidate's own enrollment of an exam of {@code bureau}, or 404 {@code ENROLLMENT_NOT_FOUND} (also for
     * anyone else's).
     */
    @Transactional(readOnly = true)
    public OwnEnrollment get(UUID candidateId, String bureau, UUID enrollmentId) {
        return enrollments.find(enrollmentId).flatMap(e -> own(e, candidateId, bureau))
                .orElseThrow(EnrollmentWizard::notFound);
    }

    /** The candidate's enrollments of exams of {@code bureau}. */
    @Transactional(readOnly = true)
    public List<Enrollment> mine(UUID candidateId, String bureau) {
        return enrollments.findByCandidate(candidateId).stream()
                .filter(enrollment -> examOf(enrollment).belongsTo(bureau)).toList();
    }

    /** Step 3 (ENR-3). */
    @Transactional
    public OwnEnrollment savePersonalInfo(UUID candidateId, String bureau, UUID enrollmentId, Integer version,
            PersonalInfo info) {
        OwnEnrollment own = lockOwnOpen(candidateId, bureau, enrollmentId);
        Enrollment enrollment = own.enrollment();
        if (isStale(enrollment, version)) {
            return replayOrRefuse(own, enrollment.isSavedPersonalInfo(info));
        }
        Instant now = clock.instant();
        Optional<? extends DomainEvent> saved = enrollment.savePersonalInfo(info, own.exam(), now);
        return saved.isEmpty() ? own : store(own, now, List.of(saved.get()));
    }

    /** Step 4 (ENR-4). */
    @Transactional
    public OwnEnrollment saveExamChoice(UUID candidateId, String bureau, UUID enrollmentId, Integer version,
            ExamChoiceRules.Request request) {
        OwnEnrollment own = lockOwnOpen(candidateId, bureau, enrollmentId);
        Enrollment enrollment = own.enrollment();
        Exam exam = own.exam();
        if (isStale(enrollment, version)) {
            boolean replay = enrollment.status() == EnrollmentStatus.EXAM_CHOICE_SAVED
                    && enrollment.examChoice() != null
                    && request.locationCode() != null
                    && request.locationCode().equals(enrollment.examChoice().locationCode())
                    && java.util.Objects.equals(blankToNull(request.subjectGroupCode()),
                            enrollment.examChoice().subjectGroupCode());
            return replayOrRefuse(own, replay);
        }
        enrollment.status().requireAllows(Step.EXAM_CHOICE);
        CandidateProfile profile = roster.findCandidateProfile(candidateId)
                .filter(CandidateProfile::hasRoster).orElseThrow(EnrollmentWizard::profileNotReady);
        ExamChoice choice = ExamChoiceRules.require(exam, enrollment.track(), profile.roster(),
                enrollment.personalInfo(), request);
        Instant now = clock.instant();
        return enrollment.saveExamChoice(choice, now) ? store(own, now, List.of()) : own;
    }

    /** Step 5 (ENR-5, ENR-6): confirming twice (a double click) answers the confirmed enrollment. */
    @Transactional
    public OwnEnrollment confirm(UUID candidateId, String bureau, UUID enrollmentId, Integer version) {
        Instant now = clock.instant();
        // the candidate's lock first: the other track's confirmation and photo events queue behind it
        candidates.lock(candidateId, now);
        OwnEnrollment own = lockOwnOpen(candidateId, bureau, enrollmentId);
        Enrollment enrollment = own.enrollment();
        Exam exam = own.exam();
        if (enrollment.status().isConfirmed()) {
            return own;
        }
        if (isStale(enrollment, version)) {
            throw changed();
        }
        enrollment.status().requireAllows(Step.CONFIRMATION);
        Optional<Track> confirmed = enrollments.confirmedTrack(candidateId, exam.id());
        if (confirmed.isPresent()) {
            throw trackExclusive(confirmed.get(), enrollment.track());
        }
        List<DomainEvent> events = enrollment.confirm(exam, now);
        OwnEnrollment stored = store(own, now, events);
        log.info("Enrollment {} confirmed ({}), {} fen owed", enrollment.id(), enrollment.status(),
                enrollment.feeTotalFen());
        return stored;
    }

    /** 修改部分报名信息 (ENR-7): a completed enrollment's amendable fields, within the registration window. */
    @Transactional
    public OwnEnrollment amend(UUID candidateId, String bureau, UUID enrollmentId, Integer version,
            Map<String, String> changes) {
        OwnEnrollment own = lockOwnOpen(candidateId, bureau, enrollmentId);
        Enrollment enrollment = own.enrollment();
        if (isStale(enrollment, version)) {
            return replayOrRefuse(own, enrollment.status() == EnrollmentStatus.COMPLETED
                    && !changes.isEmpty() && enrollment.isSavedAmendment(changes));
        }
        Instant now = clock.instant();
        Optional<? extends DomainEvent> amended = enrollment.amend(changes, properties.amendableFields(), now);
        return amended.isEmpty() ? own : store(own, now, List.of(amended.get()));
    }

    /** A photo event for {@code candidateId}: kept per candidate, and applied to each of their enrollments. */
    @Transactional
    public void photoReported(UUID candidateId, UnaryOperator<PhotoState> change) {
        Instant now = clock.instant();
        PhotoState before = candidates.lock(candidateId, now);
        PhotoState after = change.apply(before);
        if (after.equals(before)) {
            return;
        }
        candidates.save(candidateId, after, now);
        for (Enrollment enrollment : enrollments.lockByCandidate(candidateId)) {
            if (enrollment.observePhoto(after)) {
                store(enrollment, now, List.of());
            }
        }
    }

    /** PaymentSucceeded (issue 7's payment-service): completes the confirmed enrollment, once. */
    @Transactional
    public void paymentSucceeded(PaymentSucceeded paid) {
        Optional<Enrollment> found = enrollments.lock(paid.enrollmentId())
                .filter(e -> e.candidateId().equals(paid.candidateId()));
        if (found.isEmpty()) {
            log.warn("PaymentSucceeded for unknown enrollment {} (order {}) ignored", paid.enrollmentId(), paid.orderId());
            return;
        }
        Enrollment enrollment = found.get();
        if (enrollment.status() == EnrollmentStatus.CONFIRMED && paid.amountFen() != enrollment.feeTotalFen()) {
            // the order was made from our fee items; reconciliation (PAY-6) reports a real mismatch
            log.warn("Enrollment {} paid {} fen by order {}, {} fen were owed", enrollment.id(), paid.amountFen(),
                    paid.orderId(), enrollment.feeTotalFen());
        }
        Instant now = clock.instant();
        enrollment.paymentSucceeded(paid.orderId(), paid.paidAt() != null ? paid.paidAt() : now)
                .ifPresent(completed -> store(enrollment, now, List.of(completed)));
    }

    /** PaymentRefunded: recorded; the refund of the paying order takes the enrollment back to unpaid. */
    @Transactional
    public void paymentRefunded(PaymentRefunded refunded) {
        Optional<Enrollment> found = enrollments.lock(refunded.enrollmentId())
                .filter(e -> e.candidateId().equals(refunded.candidateId()));
        if (found.isEmpty()) {
            log.warn("PaymentRefunded for unknown enrollment {} ignored", refunded.enrollmentId());
            return;
        }
        Instant now = clock.instant();
        if (found.get().paymentRefunded(refunded.refundId(), refunded.orderId(),
                refunded.refundedAt() != null ? refunded.refundedAt() : now)) {
            store(found.get(), now, List.of());
        }
    }

    /** The exam an enrollment belongs to. */
    public Exam examOf(Enrollment enrollment) {
        return exams.require(enrollment.examCode());
    }

    public WizardProperties properties() {
        return properties;
    }

    /** The candidate's own enrollment, locked, of an exam whose registration window is open (ENR-1). */
    private OwnEnrollment lockOwnOpen(UUID candidateId, String bureau, UUID enrollmentId) {
        OwnEnrollment own = enrollments.lock(enrollmentId).flatMap(e -> own(e, candidateId, bureau))
                .orElseThrow(EnrollmentWizard::notFound);
        requireRegistrationOpen(own.exam(), clock.instant());
        return own;
    }

    /** With its exam when the enrollment is the candidate's, of an exam of the bureau addressed. */
    private Optional<OwnEnrollment> own(Enrollment enrollment, UUID candidateId, String bureau) {
        if (!enrollment.candidateId().equals(candidateId)) {
            return Optional.empty();
        }
        Exam exam = examOf(enrollment);
        return exam.belongsTo(bureau) ? Optional.of(new OwnEnrollment(enrollment, exam)) : Optional.empty();
    }

    private OwnEnrollment store(OwnEnrollment own, Instant now, List<? extends DomainEvent> events) {
        return new OwnEnrollment(store(own.enrollment(), now, events), own.exam());
    }

    private Enrollment store(Enrollment enrollment, Instant now, List<? extends DomainEvent> events) {
        Enrollment stored = enrollments.update(enrollment, now);
        events.forEach(outbox::publish);
        return stored;
    }

    private static boolean isStale(Enrollment enrollment, Integer version) {
        if (version == null) {
            throw Refusal.versionRequired("VERSION_REQUIRED",
                    "请求缺少报名信息的版本（If-Match 或 version），请刷新后重试");
        }
        return version != enrollment.version();
    }

    private static OwnEnrollment replayOrRefuse(OwnEnrollment own, boolean isReplay) {
        if (isReplay) {
            return own;
        }
        throw changed();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** ENR-1: candidates write only inside the exam's registration window. */
    static void requireRegistrationOpen(Exam exam, Instant now) {
        if (!exam.isRegistrationOpenAt(now)) {
            throw Refusal.conflict("REGISTRATION_CLOSED", now.isBefore(exam.registration().opensAt())
                    ? "报名尚未开始，请在报名时间内操作" : "报名已结束，不能再提交或修改报名信息");
        }
    }

    public static Refusal notFound() {
        return Refusal.notFound("ENROLLMENT_NOT_FOUND", "报名信息不存在");
    }

    static Refusal changed() {
        return Refusal.conflict("ENROLLMENT_CHANGED", "报名信息已被修改，请刷新后重试");
    }

    static Refusal trackExclusive() {
        return Refusal.conflict("TRACK_EXCLUSIVE", "全省统一考试专升本与退役大学生士兵免试专升本不得兼报，你已确认报考其中之一");
    }

    static Refusal trackExclusive(Track confirmed, Track wanted) {
        return Refusal.conflict("TRACK_EXCLUSIVE", "你已确认报考" + confirmed.title() + "，不能再报考" + wanted.title()
                + "（两者不得兼报）");
    }

    private static Refusal profileNotReady() {
        return Refusal.conflict("PROFILE_NOT_READY", "考生名单信息正在同步，请稍后再试");
    }
}
