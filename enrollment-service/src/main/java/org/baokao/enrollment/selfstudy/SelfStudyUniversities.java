package org.baokao.enrollment.selfstudy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.bureau.BureauConfigurations;
import org.baokao.enrollment.exam.CoursePlanCatalogue;
import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.exam.ExamConfigurations;
import org.baokao.enrollment.exam.ExamKind;
import org.baokao.enrollment.roster.CandidateRegistrationFollower;
import org.baokao.enrollment.roster.RosterProjection;
import org.baokao.events.account.CandidateRegistered;
import org.baokao.events.account.ExistingCandidateImported;
import org.baokao.messaging.consumer.EventHandler;
import org.baokao.messaging.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 主考学校 Shanghai 自考 candidates hold (ENR-8): kept from account-service's registration and import events, read
 * and added to (报考其他学校) by the candidate. A choice is checked against the current sitting's course plan: the
 * registration exam of the addressed bureau. A bureau whose registration exam is no 自考 exam (Shandong's 专升本) has
 * no universities to hold: 404 {@code NOT_SELF_STUDY}.
 */
@Service
public class SelfStudyUniversities implements CandidateRegistrationFollower {

    private static final Logger log = LoggerFactory.getLogger(SelfStudyUniversities.class);

    private final SelfStudyCandidates candidates;
    private final BureauConfigurations bureaus;
    private final ExamConfigurations exams;
    private final Outbox outbox;
    private final AdmissionNumbers admissionNumbers;
    private final Clock clock;

    SelfStudyUniversities(SelfStudyCandidates candidates, BureauConfigurations bureaus, ExamConfigurations exams,
            Outbox outbox, AdmissionNumbers admissionNumbers, Clock clock) {
        this.candidates = candidates;
        this.bureaus = bureaus;
        this.exams = exams;
        this.outbox = outbox;
        this.admissionNumbers = admissionNumbers;
        this.clock = clock;
    }

    /**
     * The bureau's current sitting, whose course plan a choice is checked against and names are read from: its
     * registration exam; 404 {@code NOT_SELF_STUDY} when that is no 自考 exam of the bureau (Shandong's 专升本).
     */
    public Exam sitting(String bureau) {
        String examCode = bureaus.require(bureau).registrationExamCode();
        return exams.find(examCode).filter(exam -> exam.belongsTo(bureau) && exam.kind() == ExamKind.SELF_STUDY)
                .orElseThrow(() -> Refusal.notFound("NOT_SELF_STUDY", "本考试院没有自学考试的主考学校报考"));
    }

    /**
     * The universities {@code candidateId} holds at bureau {@code bureau}, in the order taken up: empty while their
     * registration is on its way (the page asks again).
     */
    public List<UniversityRegistration> held(UUID candidateId, String bureau) {
        return candidates.find(candidateId).filter(c -> c.belongsTo(bureau))
                .map(SelfStudyCandidate::registrations).orElse(List.of());
    }

    /** One university the candidate holds; 404 {@code UNIVERSITY_NOT_HELD} for another. */
    public UniversityRegistration heldAt(UUID candidateId, String bureau, String universityCode) {
        return candidates.find(candidateId).filter(c -> c.belongsTo(bureau))
                .flatMap(c -> c.registrationAt(universityCode))
                .orElseThrow(SelfStudyUniversities::notHeld);
    }

    static Refusal notReady() {
        return Refusal.conflict("PROFILE_NOT_READY", "报名信息正在同步，请稍后再试");
    }

    static Refusal notHeld() {
        return Refusal.notFound("UNIVERSITY_NOT_HELD", "您没有报考该主考学校");
    }

    /**
     * 报考其他学校: {@code candidateId} takes up university {@code universityCode} with major {@code majorCode} of the
     * current sitting's plan, inside its registration window; publishes {@code UniversityRegistrationAdded} in the
     * same transaction. 400 for a university or major the plan does not offer, 409 {@code UNIVERSITY_ALREADY_HELD},
     * 409 {@code REGISTRATION_CLOSED}, 409 {@code PROFILE_NOT_READY} while the candidate's registration has not
     * arrived (their first university must come first: it is the one they registered with).
     */
    @Transactional
    public UniversityRegistration add(UUID candidateId, String bureau, String universityCode, String majorCode) {
        Exam sitting = sitting(bureau);
        Instant now = clock.instant();
        requireRegistrationOpen(sitting, now);
        CatalogueChoice.Chosen chosen = CatalogueChoice.choose(requirePlan(sitting), universityCode, majorCode);
        // a row made by an early approval holds no university yet: the registration's must come first
        SelfStudyCandidate candidate = candidates.lock(candidateId).filter(c -> c.belongsTo(bureau))
                .filter(c -> !c.registrations().isEmpty()).orElseThrow(SelfStudyUniversities::notReady);
        SelfStudyCandidate.Added added = candidate.add(chosen, sitting.code(), now);
        if (!candidates.insert(candidateId, added.registration())) {
            throw new IllegalStateException("the candidate's row is locked: their universities cannot have changed");
        }
        outbox.publish(added.event());
        log.info("Candidate {} added university {} ({}), special major: {}", candidateId,
                added.registration().universityCode(), added.registration().majorCode(),
                added.registration().specialMajor());
        return added.registration();
    }

    /**
     * 新考生注册 (ACC-3, open gate): the university and major chosen then. A roster registration (Shandong) chose
     * none and holds nothing here.
     */
    @Override
    public void registered(CandidateRegistered registered) {
        if (registered.universityCode() == null || registered.majorCode() == null) {
            return;
        }
        Optional<Exam> exam = exams.find(registered.examCode());
        String bureau = registered.bureau() != null ? registered.bureau() : exam.map(Exam::bureau).orElse(null);
        if (bureau == null) {
            log.warn("Candidate {} registered for unknown exam {} without a bureau: no university kept",
                    registered.candidateId(), registered.examCode());
            return;
        }
        Optional<CatalogueChoice.Chosen> known = exam.flatMap(SelfStudyUniversities::planOf)
                .flatMap(plan -> CatalogueChoice.find(plan, registered.universityCode(), registered.majorCode()));
        Instant at = registered.registeredAt() != null ? registered.registeredAt() : clock.instant();
        UniversityRegistration chosen = registration(registered.universityCode(), registered.majorCode(), known, null,
                RegistrationOrigin.REGISTRATION, registered.examCode(), at);
        SelfStudyCandidate candidate = candidates.lockOrCreate(registered.candidateId(), bureau, clock.instant());
        candidate.registered(chosen).ifPresent(taken -> candidates.insert(candidate.candidateId(), taken));
        // SST-4: registering proved the phone by its SMS code
        candidates.markPhoneVerified(candidate.candidateId(), at);
        // SST-7: an approval that arrived before the registration gives the number now
        admissionNumbers.assignIfDue(candidate);
    }

    /**
     * 在籍考生 (ACC-9): the universities and majors the import says the candidate holds, with their 准考证号. Codes the
     * catalogue does not know are kept as they are (the operator's file is the record of what the candidate holds).
     */
    @EventHandler(RosterProjection.CONSUMER)
    void imported(ExistingCandidateImported imported) {
        Optional<Exam> exam = exams.find(imported.examCode());
        String bureau = imported.bureau() != null ? imported.bureau() : exam.map(Exam::bureau).orElse(null);
        if (bureau == null) {
            log.warn("Candidate {} imported for unknown exam {} without a bureau: no university kept",
                    imported.candidateId(), imported.examCode());
            return;
        }
        Optional<CoursePlanCatalogue> plan = exam.flatMap(SelfStudyUniversities::planOf);
        Instant at = imported.importedAt() != null ? imported.importedAt() : clock.instant();
        List<UniversityRegistration> held = imported.held().stream()
                .filter(h -> h.universityCode() != null && h.majorCode() != null)
                .map(h -> registration(h.universityCode(), h.majorCode(),
                        plan.flatMap(p -> CatalogueChoice.find(p, h.universityCode(), h.majorCode())),
                        imported.admissionNumber(), RegistrationOrigin.IMPORT, imported.examCode(), at))
                .toList();
        SelfStudyCandidate candidate = candidates.lockOrCreate(imported.candidateId(), bureau, clock.instant());
        candidates.saveImported(candidate.candidateId(), candidate.imported(held));
    }

    private static UniversityRegistration registration(String universityCode, String majorCode,
            Optional<CatalogueChoice.Chosen> known, String admissionNumber, RegistrationOrigin origin,
            String examCode, Instant at) {
        return new UniversityRegistration(universityCode,
                known.map(c -> c.university().name()).orElse(null), majorCode,
                known.map(c -> c.major().name()).orElse(null), known.map(c -> c.major().special()).orElse(false),
                admissionNumber, origin, examCode, at);
    }

    static Optional<CoursePlanCatalogue> planOf(Exam exam) {
        return exam.catalogue() instanceof CoursePlanCatalogue plan ? Optional.of(plan) : Optional.empty();
    }

    private static CoursePlanCatalogue requirePlan(Exam exam) {
        return planOf(exam).orElseThrow(
                () -> Refusal.notFound("CATALOGUE_NOT_CONFIGURED", "该考试尚未配置主考学校和专业"));
    }

    /** ENR-1: candidates write only inside the sitting's registration window. */
    private static void requireRegistrationOpen(Exam sitting, Instant now) {
        if (!sitting.isRegistrationOpenAt(now)) {
            throw Refusal.conflict("REGISTRATION_CLOSED", now.isBefore(sitting.registration().opensAt())
                    ? "报名尚未开始，请在报名时间内报考" : "本次报名已结束，不能再报考其他学校");
        }
    }
}
