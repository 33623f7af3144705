package org.baokao.enrollment.wizard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;
import org.baokao.enrollment.exam.Exam;
import org.baokao.events.DomainEvent;
import org.baokao.events.enrollment.EnrollmentAmended;
import org.baokao.events.enrollment.EnrollmentCompleted;
import org.baokao.events.enrollment.EnrollmentConfirmed;
import org.baokao.events.enrollment.EnrollmentStarted;
import org.baokao.events.enrollment.PersonalInfoSaved;

/**
 * One candidate's registration for one exam and track (ENR-2..ENR-7): the aggregate whose methods check the
 * rule of a step, change the state ({@link EnrollmentStatus}) and return the events they caused. It knows
 * nothing of HTTP, SQL or Kafka; windows, versions and ownership are checked around it.
 */
@DomainModel
public final class Enrollment {

    /** Everything stored, for the repository. */
    public record Snapshot(UUID id, UUID examId, String examCode, UUID candidateId, Track track,
            EnrollmentStatus status, int version, int pledgeVersion, Instant pledgeAcceptedAt, PhotoState photo,
            PersonalInfo personalInfo, Instant personalInfoSavedAt, ExamChoice examChoice, Instant examChoiceSavedAt,
            Instant confirmedAt, List<FeeLine> fees, Instant completedAt, UUID orderId, UUID lastRefundId,
            Instant lastRefundedAt, Instant lastAmendedAt, Instant createdAt) {
    }

    /** A new enrollment and the event saying so. */
    public record Started(Enrollment enrollment, EnrollmentStarted event) {
    }

    private final UUID id;
    private final UUID examId;
    private final String examCode;
    private final UUID candidateId;
    private final Track track;
    private final int version;
    private final int pledgeVersion;
    private final Instant pledgeAcceptedAt;
    private final Instant createdAt;
    private EnrollmentStatus status;
    private PhotoState photo;
    private PersonalInfo personalInfo;
    private Instant personalInfoSavedAt;
    private ExamChoice examChoice;
    private Instant examChoiceSavedAt;
    private Instant confirmedAt;
    private List<FeeLine> fees;
    private Instant completedAt;
    private UUID orderId;
    private UUID lastRefundId;
    private Instant lastRefundedAt;
    private Instant lastAmendedAt;

    public Enrollment(Snapshot s) {
        this.id = s.id();
        this.examId = s.examId();
        this.examCode = s.examCode();
        this.candidateId = s.candidateId();
        this.track = s.track();
        this.status = s.status();
        this.version = s.version();
        this.pledgeVersion = s.pledgeVersion();
        this.pledgeAcceptedAt = s.pledgeAcceptedAt();
        this.photo = s.photo() == null ? PhotoState.NONE : s.photo().withoutAttempts();
        this.personalInfo = s.personalInfo();
        this.personalInfoSavedAt = s.personalInfoSavedAt();
        this.examChoice = s.examChoice();
        this.examChoiceSavedAt = s.examChoiceSavedAt();
        this.confirmedAt = s.confirmedAt();
        this.fees = s.fees();
        this.completedAt = s.completedAt();
        this.orderId = s.orderId();
        this.lastRefundId = s.lastRefundId();
        this.lastRefundedAt = s.lastRefundedAt();
        this.lastAmendedAt = s.lastAmendedAt();
        this.createdAt = s.createdAt();
    }

    public Snapshot snapshot() {
        return new Snapshot(id, examId, examCode, candidateId, track, status, version, pledgeVersion,
                pledgeAcceptedAt, photo, personalInfo, personalInfoSavedAt, examChoice, examChoiceSavedAt,
                confirmedAt, fees, completedAt, orderId, lastRefundId, lastRefundedAt, lastAmendedAt, createdAt);
    }

    /**
     * Step 1: the candidate accepted the exam's current pledge (the 3 s countdown is the UI's). A photo accepted
     * before the wizard started counts at once.
     */
    public static Started start(UUID id, Exam exam, UUID candidateId, Track track, PhotoState photo, Instant now) {
        if (exam.pledge() == null) {
            throw Refusal.conflict("PLEDGE_NOT_CONFIGURED", "该考试尚未配置报考承诺，暂不能报名");
        }
        PhotoState known = photo == null ? PhotoState.NONE : photo.withoutAttempts();
        Enrollment enrollment = new Enrollment(new Snapshot(id, exam.id(), exam.code(), candidateId, track,
                known.isAccepted() ? EnrollmentStatus.PHOTO_DONE : EnrollmentStatus.PLEDGE_ACCEPTED, 0,
                exam.pledge().version(), now, known, null, null, null, null, null, null, null, null, null, null,
                null, now));
        return new Started(enrollment, new EnrollmentStarted(id, candidateId, exam.code(), now, track.name(),
                exam.pledge().version()));
    }

    /** Step 2 happens in photo-service: its events arrive here. True when anything changed. */
    public boolean observePhoto(PhotoState reported) {
        PhotoState now = reported == null ? null : reported.withoutAttempts();
        if (now == null || now.equals(photo)) {
            return false;
        }
        photo = now;
        if (status == EnrollmentStatus.PLEDGE_ACCEPTED && photo.isAccepted()) {
            status = status.afterSaving(Step.PHOTO);
        }
        return true;
    }

    /**
     * Step 3 (ENR-3), editable until confirmation. Saving the same again changes nothing. When a new 考生类别
     * changes whether the candidate sits the exam, the step 4 answer no longer fits and must be given again.
     */
    public Optional<PersonalInfoSaved> savePersonalInfo(PersonalInfo info, Exam exam, Instant now) {
        status.requireAllows(Step.PERSONAL_INFO);
        PersonalInfoRules.require(info);
        if (isSavedPersonalInfo(info)) {
            return Optional.empty();
        }
        if (examChoice != null && examChoice.sitsExam() != ExamChoiceRules.sitsExam(exam, track, info)) {
            examChoice = null;
            examChoiceSavedAt = null;
            status = EnrollmentStatus.PERSONAL_INFO_SAVED;
        }
        personalInfo = info;
        personalInfoSavedAt = now;
        status = status.afterSaving(Step.PERSONAL_INFO);
        return Optional.of(new PersonalInfoSaved(id, candidateId, now));
    }

    /** Whether {@code info} is exactly what step 3 holds (a replay of the same save). */
    public boolean isSavedPersonalInfo(PersonalInfo info) {
        return info.equals(personalInfo) && status.allows(Step.PERSONAL_INFO)
                && status.compareTo(EnrollmentStatus.PERSONAL_INFO_SAVED) >= 0;
    }

    /** Step 4 (ENR-4), the choice checked by {@link ExamChoiceRules}; editable until confirmation. */
    public boolean saveExamChoice(ExamChoice choice, Instant now) {
        status.requireAllows(Step.EXAM_CHOICE);
        if (isSavedExamChoice(choice)) {
            return false;
        }
        examChoice = choice;
        examChoiceSavedAt = now;
        status = status.afterSaving(Step.EXAM_CHOICE);
        return true;
    }

    public boolean isSavedExamChoice(ExamChoice choice) {
        return choice.equals(examChoice) && status == EnrollmentStatus.EXAM_CHOICE_SAVED;
    }

    /**
     * Step 5 (ENR-5): only with 比对通过. Locks household registration, location, 是否兼报 and subjects, fixes
     * the fees, and completes at once when nothing is owed (PAY-1: such candidates skip payment).
     */
    public List<DomainEvent> confirm(Exam exam, Instant now) {
        status.requireAllows(Step.CONFIRMATION);
        if (photo.identity() != IdentityStatus.PASSED) {
            throw Refusal.conflict("IDENTITY_NOT_VERIFIED", "身份核验状态为「" + photo.identity().label()
                    + "」，身份核验比对通过后才能确认报考信息");
        }
        fees = Fees.owed(exam, examChoice);
        confirmedAt = now;
        status = EnrollmentStatus.CONFIRMED;
        List<DomainEvent> events = new ArrayList<>();
        events.add(new EnrollmentConfirmed(id, candidateId, examCode, examChoice.locationCode(),
                fees.stream().map(fee -> new EnrollmentConfirmed.FeeItem(fee.code(), fee.name(), fee.amountFen()))
                        .toList(), now, track.name(), examChoice.subjectGroupCode(), exam.payment().opensAt(),
                exam.payment().closesAt(), exam.paymentHours().opens(), exam.paymentHours().closes(), exam.name(),
                exam.bureau()));
        if (FeeLine.total(fees) == 0) {
            status = EnrollmentStatus.COMPLETED;
            completedAt = now;
            events.add(new EnrollmentCompleted(id, candidateId, null, now));
        }
        return events;
    }

    /** Step 6 happens in payment-service: PaymentSucceeded completes a confirmed enrollment, once. */
    public Optional<EnrollmentCompleted> paymentSucceeded(UUID paidOrder, Instant paidAt) {
        if (status != EnrollmentStatus.CONFIRMED) {
            // already completed (a second payment is payment-service's to refund, PAY-5) or not confirmed yet
            return Optional.empty();
        }
        status = EnrollmentStatus.COMPLETED;
        orderId = paidOrder;
        completedAt = paidAt;
        return Optional.of(new EnrollmentCompleted(id, candidateId, paidOrder, paidAt));
    }

    /**
     * PaymentRefunded: recorded always. When the refunded order is the one that completed the enrollment, the
     * candidate has not paid any more, so the enrollment is back to CONFIRMED (未缴费): it stays confirmed and
     * locked, and the candidate pays again within the payment window. A refund of another order (a duplicate
     * payment, PAY-5) leaves the enrollment complete.
     */
    public boolean paymentRefunded(UUID refundId, UUID refundedOrder, Instant at) {
        if (Objects.equals(refundId, lastRefundId)) {
            return false;
        }
        lastRefundId = refundId;
        lastRefundedAt = at;
        if (status == EnrollmentStatus.COMPLETED && refundedOrder != null && refundedOrder.equals(orderId)) {
            status = EnrollmentStatus.CONFIRMED;
            orderId = null;
            completedAt = null;
        }
        return true;
    }

    /**
     * 修改部分报名信息 (ENR-7): a completed enrollment changes only the {@code amendable} fields; any other known
     * field is 409 {@code FIELD_LOCKED}. Values are checked like step 3. Sending the current values changes nothing.
     */
    public Optional<EnrollmentAmended> amend(Map<String, String> changes, Collection<String> amendable, Instant now) {
        status.requireAllows(Step.PREVIEW);
        PersonalInfo amended = amendedInfo(changes, amendable);
        List<String> changed = amended.changedFrom(personalInfo);
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        personalInfo = amended;
        lastAmendedAt = now;
        return Optional.of(new EnrollmentAmended(id, candidateId, changed, now));
    }

    /** Whether {@code changes} only repeat what is stored (a replayed amendment). */
    public boolean isSavedAmendment(Map<String, String> changes) {
        return personalInfo != null && changes.entrySet().stream().allMatch(change ->
                PersonalInfo.FIELDS.contains(change.getKey())
                        && Objects.equals(personalInfo.get(change.getKey()), strip(change.getValue())));
    }

    private PersonalInfo amendedInfo(Map<String, String> changes, Collection<String> amendable) {
        if (changes.isEmpty()) {
            throw Refusal.invalid("NOTHING_TO_CHANGE", "请填写要修改的报名信息");
        }
        for (String field : changes.keySet()) {
            if (!FieldNames.isKnown(field)) {
                throw Refusal.invalid("FIELD_UNKNOWN", "不能修改的报名信息项：" + field);
            }
            if (!amendable.contains(field)) {
                throw Refusal.conflict("FIELD_LOCKED", "「" + FieldNames.label(field) + "」已锁定，报名完成后不能修改");
            }
        }
        PersonalInfo amended = personalInfo;
        for (Map.Entry<String, String> change : changes.entrySet()) {
            amended = amended.with(change.getKey(), change.getValue());
        }
        List<String> touched = List.copyOf(changes.keySet());
        List<org.baokao.enrollment.exam.Violation> violations = PersonalInfoRules.check(amended).stream()
                .filter(violation -> touched.contains(violation.field())).toList();
        if (!violations.isEmpty()) {
            throw new WizardInputException(violations);
        }
        return amended;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    /** The fields confirmation locked (ENR-5); none before. */
    public List<String> lockedFields() {
        if (!status.isConfirmed()) {
            return List.of();
        }
        List<String> locked = new ArrayList<>(PersonalInfo.HOUSEHOLD_FIELDS);
        locked.addAll(ExamChoice.FIELDS);
        return List.copyOf(locked);
    }

    /** The fields the candidate may change now: steps 3 and 4 until confirmation, the amendable ones after payment. */
    public List<String> editableFields(Collection<String> amendable) {
        List<String> editable = new ArrayList<>();
        if (status.allows(Step.PERSONAL_INFO)) {
            editable.addAll(PersonalInfo.FIELDS);
        }
        if (status.allows(Step.EXAM_CHOICE)) {
            editable.addAll(ExamChoice.FIELDS);
        }
        if (status.allows(Step.PREVIEW)) {
            PersonalInfo.FIELDS.stream().filter(amendable::contains).forEach(editable::add);
        }
        return List.copyOf(editable);
    }

    public long feeTotalFen() {
        return fees == null ? 0 : FeeLine.total(fees);
    }

    public UUID id() {
        return id;
    }

    public UUID examId() {
        return examId;
    }

    public String examCode() {
        return examCode;
    }

    public UUID candidateId() {
        return candidateId;
    }

    public Track track() {
        return track;
    }

    public EnrollmentStatus status() {
        return status;
    }

    /** The version read; the repository stores the next one. */
    public int version() {
        return version;
    }

    public int pledgeVersion() {
        return pledgeVersion;
    }

    public Instant pledgeAcceptedAt() {
        return pledgeAcceptedAt;
    }

    public PhotoState photo() {
        return photo;
    }

    public PersonalInfo personalInfo() {
        return personalInfo;
    }

    public ExamChoice examChoice() {
        return examChoice;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }

    public List<FeeLine> fees() {
        return fees == null ? List.of() : fees;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public UUID orderId() {
        return orderId;
    }

    public Instant lastRefundedAt() {
        return lastRefundedAt;
    }

    public Instant lastAmendedAt() {
        return lastAmendedAt;
    }
}
