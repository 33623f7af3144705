package org.baokao.enrollment.exam;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.baokao.domain.Refusal;
import org.baokao.domain.operator.Operator;
import org.baokao.messaging.audit.OperatorAudit;
import org.baokao.messaging.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exam configuration (ENR-1): operators create and update exams; the wizard, the public pages and the partner
 * API read them. A configuration is checked as a whole ({@link ExamRules}) and stored only when sound; a
 * changed pledge text becomes the pledge's next version. Every stored configuration is published as
 * {@code ExamConfigured} through the outbox, in the transaction that stores it, so account-service never holds
 * universities of a configuration that was not saved, nor misses one that was (ACC-3). Every exam belongs to a
 * bureau (BUR-1); candidates find an exam only at its bureau's address.
 */
@Service
public class ExamConfigurations {

    private static final Logger log = LoggerFactory.getLogger(ExamConfigurations.class);

    private final ExamRepository exams;
    private final KnownBureaus bureaus;
    private final Outbox outbox;
    private final OperatorAudit audit;
    private final Clock clock;

    ExamConfigurations(ExamRepository exams, KnownBureaus bureaus, Outbox outbox, OperatorAudit audit, Clock clock) {
        this.exams = exams;
        this.bureaus = bureaus;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Audit action of an operator's change of an exam's configuration (OPS-3). */
    public static final String CONFIGURE = "exam.configure";

    /** Every bureau's exams (the jobs that walk them all). */
    public List<Exam> all() {
        return exams.findAll();
    }

    /** The exams of bureau {@code bureau}, as its candidates see them. */
    public List<Exam> all(String bureau) {
        return exams.findAllOf(bureau);
    }

    /** The exam, whichever bureau holds it (operators, the wizard's own enrollments). */
    public Optional<Exam> find(String code) {
        return exams.findByCode(code);
    }

    /** The exam, or 404 {@code EXAM_NOT_FOUND}. */
    public Exam require(String code) {
        return find(code).orElseThrow(ExamConfigurations::notFound);
    }

    /**
     * The exam as bureau {@code bureau}'s candidates find it: another bureau's exam is 404 {@code EXAM_NOT_FOUND}
     * there, as if it did not exist (BUR-1).
     */
    public Exam require(String bureau, String code) {
        return find(code).filter(exam -> exam.belongsTo(bureau)).orElseThrow(ExamConfigurations::notFound);
    }

    /** The text of a pledge version an enrollment recorded. */
    public Optional<Pledge> pledge(Exam exam, int version) {
        return exams.pledge(exam.id(), version);
    }

    /** A new exam; 400 with every violation, 409 {@code EXAM_CODE_TAKEN} when the code is in use. */
    @Transactional
    public Exam create(ExamDraft draft) {
        refuseIfUnsound(draft);
        Exam exam = draft.toExam(UUID.randomUUID(), new Pledge(1, draft.pledgeText()));
        Instant now = clock.instant();
        if (!exams.insert(exam, now)) {
            throw Refusal.conflict("EXAM_CODE_TAKEN", "考试代码已被使用：" + draft.code());
        }
        Exam stored = exams.findByCode(exam.code()).orElseThrow();
        outbox.publish(ExamConfiguredEvent.of(stored, now));
        log.info("Exam {} created ({})", exam.code(), exam.kind());
        return stored;
    }

    /**
     * An operator's new exam (OPS-3): as {@link #create(ExamDraft)}, for the operator's own bureau only (a draft
     * naming another bureau that exists is 404, as that bureau's exams are to them), audited as
     * {@value #CONFIGURE} in the transaction that stores it.
     */
    @Transactional
    public Exam create(ExamDraft draft, Operator operator) {
        refuseIfUnsound(draft);
        if (!operator.bureau().equals(draft.bureau())) {
            throw Operator.outOfScope();
        }
        Exam stored = create(draft);
        audited(operator, stored, "create");
        return stored;
    }

    /**
     * An operator's replacement (OPS-3): as {@link #update(String, ExamDraft)}, of an exam of the operator's own
     * bureau only (another bureau's is 404 {@code EXAM_NOT_FOUND}), audited as {@value #CONFIGURE}.
     */
    @Transactional
    public Exam update(String code, ExamDraft draft, Operator operator) {
        requireOwn(operator, code);
        Exam stored = update(code, draft);
        audited(operator, stored, "update");
        return stored;
    }

    /**
     * {@link #replaceCatalogue(String, Function)} by an operator of the exam's bureau (another bureau's exam is 404),
     * audited as {@code action} with {@code details} in the same transaction.
     */
    @Transactional
    public Exam replaceCatalogue(String code, Function<Exam, Catalogue> change, Operator operator, String action,
            Supplier<Map<String, String>> details) {
        requireOwn(operator, code);
        Exam stored = replaceCatalogue(code, change);
        audit.record(operator, action, "exam", stored.code(), stored.name(), null, details.get());
        return stored;
    }

    private void requireOwn(Operator operator, String code) {
        exams.lockByCode(code).filter(exam -> exam.belongsTo(operator.bureau()))
                .orElseThrow(ExamConfigurations::notFound);
    }

    private void audited(Operator operator, Exam exam, String change) {
        audit.record(operator, CONFIGURE, "exam", exam.code(), exam.name(), null,
                Map.of("change", change, "kind", exam.kind().name(), "pledgeVersion",
                        String.valueOf(exam.pledge() == null ? 0 : exam.pledge().version())));
    }

    /**
     * Replaces the configuration of exam {@code code} (the draft's code, if given, must be the same; the kind
     * cannot change, as it decides the wizard, nor the bureau, whose candidates' enrollments it holds; a draft
     * without a bureau keeps the exam's). 404 for an unknown exam, 400 with every violation.
     */
    @Transactional
    public Exam update(String code, ExamDraft draft) {
        if (draft.code() != null && !draft.code().equals(code)) {
            throw Refusal.invalid("EXAM_CODE_MISMATCH", "考试代码不能修改");
        }
        Exam current = exams.lockByCode(code).orElseThrow(ExamConfigurations::notFound);
        ExamDraft sent = new ExamDraft(code, draft.name(), draft.kind(), draft.registration(), draft.payment(),
                draft.fees(), draft.locations(), draft.pledgeText(), draft.catalogue(), draft.noExamCategories(),
                draft.bureau() == null ? current.bureau() : draft.bureau());
        if (sent.kind() != null && sent.kind() != current.kind()) {
            throw Refusal.conflict("EXAM_KIND_IMMUTABLE", "考试类型创建后不能修改");
        }
        if (!current.belongsTo(sent.bureau())) {
            throw Refusal.conflict("EXAM_BUREAU_IMMUTABLE", "考试所属的考试院创建后不能修改");
        }
        refuseIfUnsound(sent);
        Instant now = clock.instant();
        Pledge pledge = current.pledge();
        if (pledge == null || !Objects.equals(pledge.text(), sent.pledgeText())) {
            pledge = new Pledge(pledge == null ? 1 : pledge.version() + 1, sent.pledgeText());
            exams.insertPledge(current.id(), pledge, now);
        }
        exams.update(sent.toExam(current.id(), pledge), now);
        Exam stored = exams.findByCode(code).orElseThrow();
        outbox.publish(ExamConfiguredEvent.of(stored, now));
        log.info("Exam {} updated (pledge version {})", code, pledge.version());
        return stored;
    }

    /**
     * Replaces only the catalogue of exam {@code code}: {@code change} gets the exam as stored, its row locked until
     * the transaction ends (two changes of one exam queue, neither loses the other's), and answers the new
     * catalogue; the rest of the configuration stays as it is. Checked, stored and published as {@link #update}
     * does; 404 for an unknown exam, 400 ({@link ExamConfigurationException}) with every violation.
     */
    @Transactional
    public Exam replaceCatalogue(String code, Function<Exam, Catalogue> change) {
        Exam current = exams.lockByCode(code).orElseThrow(ExamConfigurations::notFound);
        return update(code, draftOf(current, change.apply(current)));
    }

    /** The configuration of {@code exam} as an operator would send it, with {@code catalogue}. */
    private static ExamDraft draftOf(Exam exam, Catalogue catalogue) {
        return new ExamDraft(exam.code(), exam.name(), exam.kind(),
                new ExamDraft.WindowDraft(exam.registration().opensAt(), exam.registration().closesAt()),
                new ExamDraft.PaymentDraft(exam.payment().opensAt(), exam.payment().closesAt(),
                        exam.paymentHours().opens(), exam.paymentHours().closes()),
                exam.fees().stream().map(fee -> new ExamDraft.FeeDraft(fee.code(), fee.name(), fee.amountFen()))
                        .toList(),
                exam.locations(), exam.pledge() == null ? null : exam.pledge().text(), catalogue,
                exam.noExamCategories(), exam.bureau());
    }

    /**
     * ExamRules' violations, and a bureau that does not exist: a 400 violation like any other reference to
     * something unknown ({@code SUBJECT_UNKNOWN}, {@code NO_EXAM_CATEGORY_UNKNOWN}), not a 404: the exam being
     * configured is there to answer, only a field of it is wrong, and the operator sees it with every other fault.
     */
    private void refuseIfUnsound(ExamDraft draft) {
        List<Violation> violations = new ArrayList<>(ExamRules.check(draft));
        if (draft.bureau() != null && !draft.bureau().isBlank() && !bureaus.isKnown(draft.bureau())) {
            violations.add(new Violation("bureau", "BUREAU_UNKNOWN", "考试院不存在：" + draft.bureau()));
        }
        if (!violations.isEmpty()) {
            throw new ExamConfigurationException(violations);
        }
    }

    static Refusal notFound() {
        return Refusal.notFound("EXAM_NOT_FOUND", "考试不存在");
    }
}
