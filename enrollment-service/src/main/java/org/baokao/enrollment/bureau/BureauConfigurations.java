package org.baokao.enrollment.bureau;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.exam.ExamConfigurations;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.web.bureau.RequestBureau;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bureau configuration (BUR-1): operators create or replace a bureau whole; the public pages, and through
 * {@code BureauConfigured} the other services, read it. Every stored configuration is published through the outbox in
 * the transaction that stores it, so no service holds a configuration that was not saved nor misses one that was.
 */
@Service
public class BureauConfigurations {

    private static final Logger log = LoggerFactory.getLogger(BureauConfigurations.class);

    private final BureauRepository bureaus;
    private final ExamConfigurations exams;
    private final Outbox outbox;
    private final Clock clock;

    BureauConfigurations(BureauRepository bureaus, ExamConfigurations exams, Outbox outbox, Clock clock) {
        this.bureaus = bureaus;
        this.exams = exams;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A bureau configured, and whether this call created it. */
    public record Configured(Bureau bureau, boolean created) {
    }

    /**
     * Creates bureau {@code code} or replaces its configuration, recording {@code operator} and the time. 400 for a
     * broken rule, 409 {@code TEXT_VERSION_REQUIRED} for a published text version whose content changed.
     */
    @Transactional
    public Configured configure(String code, BureauDraft draft, String operator) {
        draft.refuseIfUnsound(code);
        bureaus.lock(code);
        boolean created = !bureaus.isKnown(code);
        Instant now = clock.instant();
        List<BureauText> published = bureaus.versions(code).stream().map(PublishedText::text).toList();
        Bureau.Configuration configuration = Bureau.configure(code, draft, published, now, operator);
        Bureau bureau = configuration.bureau();
        refuseAnotherBureausExam(bureau);
        bureaus.save(bureau, configuration.newVersions());
        outbox.publish(BureauConfiguredEvent.of(bureau));
        log.info("Bureau {} {} by {}: {} new text version(s)", code, created ? "created" : "reconfigured", operator,
                configuration.newVersions().size());
        return new Configured(bureaus.find(code).orElseThrow(), created);
    }

    /** New accounts register for the registration exam: another bureau's exam would send them to that bureau. */
    private void refuseAnotherBureausExam(Bureau bureau) {
        exams.find(bureau.registrationExamCode()).filter(exam -> !exam.belongsTo(bureau.code())).ifPresent(exam -> {
            throw Refusal.invalid("REGISTRATION_EXAM_OF_OTHER_BUREAU",
                    "注册考试" + exam.code() + "属于其他考试院，请填写本考试院的考试");
        });
    }

    public List<Bureau> all() {
        return bureaus.findAll();
    }

    public Optional<Bureau> find(String code) {
        return bureaus.find(code);
    }

    /** The bureau, or 404 {@code BUREAU_NOT_FOUND}. */
    public Bureau require(String code) {
        return find(code).orElseThrow(RequestBureau::notFound);
    }

    /**
     * The bureau's text of {@code kind}: the current version, or the one named (an earlier version stays readable,
     * for what a candidate consented to). 404 {@code TEXT_NOT_FOUND} for a kind it does not publish or a version it
     * never had.
     */
    public BureauText text(Bureau bureau, String kind, String version) {
        TextKind textKind = TextKind.ofSlug(kind).orElseThrow(BureauConfigurations::textNotFound);
        Optional<BureauText> text = version == null ? bureau.text(textKind)
                : bureaus.text(bureau.code(), textKind, version);
        return text.orElseThrow(BureauConfigurations::textNotFound);
    }

    /** Every version the bureau has published, with when it was first published (operators). */
    public List<PublishedText> versions(String code) {
        return bureaus.versions(code);
    }

    /** The name of the bureau's registration exam, when that exam is configured (and is the bureau's). */
    public Optional<String> registrationExamName(Bureau bureau) {
        return exams.find(bureau.registrationExamCode()).filter(exam -> exam.belongsTo(bureau.code()))
                .map(Exam::name);
    }

    private static Refusal textNotFound() {
        return Refusal.notFound("TEXT_NOT_FOUND", "该考试院没有发布此文本");
    }
}
