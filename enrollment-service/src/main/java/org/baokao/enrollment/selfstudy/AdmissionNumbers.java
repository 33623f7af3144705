package org.baokao.enrollment.selfstudy;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.exam.ExamConfigurations;
import org.baokao.events.enrollment.AdmissionNumberAssigned;
import org.baokao.messaging.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * 准考证号 for approved new candidates (SST-7, ENR-8): generated once, when a candidate of 新考生注册 is APPROVED by
 * photo-service — whichever of the approval and the registration arrives last — written on every university they
 * hold and published as {@code AdmissionNumberAssigned} (account-service lets them log in with it), all in the
 * caller's transaction. A candidate who has a number (generated, or imported as 在籍考生) never gets another: a
 * redelivered or repeated approval changes nothing.
 */
@Service
class AdmissionNumbers {

    private static final Logger log = LoggerFactory.getLogger(AdmissionNumbers.class);

    private final SelfStudyCandidates candidates;
    private final AdmissionNumberRepository numbers;
    private final ExamConfigurations exams;
    private final Outbox outbox;
    private final Clock clock;

    AdmissionNumbers(SelfStudyCandidates candidates, AdmissionNumberRepository numbers, ExamConfigurations exams,
            Outbox outbox, Clock clock) {
        this.candidates = candidates;
        this.numbers = numbers;
        this.exams = exams;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Generates the number of {@code candidate} (their row locked by the caller) if it is due: approved, registered as
     * a new candidate, without a number yet. Answers the number generated, if one was.
     */
    Optional<AdmissionNumber> assignIfDue(SelfStudyCandidate candidate) {
        Optional<UniversityRegistration> signUp = candidate.signUpRegistration();
        if (signUp.isEmpty() || candidate.admissionNumber().isPresent()
                || !candidates.approvalStatus(candidate.candidateId()).filter(ReadinessFacts.APPROVED::equals)
                        .isPresent()) {
            return Optional.empty();
        }
        Optional<String> generated = numbers.of(candidate.candidateId());
        if (generated.isPresent()) {
            // generated before a university was added without it: the number is the candidate's everywhere
            candidates.saveNumbered(candidate.candidateId(), candidate.numbered(generated.get()));
            return Optional.empty();
        }
        String university = signUp.get().universityCode();
        if (!AdmissionNumber.fitsUniversity(university)) {
            log.error("Candidate {} approved, but university code {} has no 5 digits: no 准考证号 generated",
                    candidate.candidateId(), university);
            return Optional.empty();
        }
        Optional<Exam> sitting = exams.find(signUp.get().examCode());
        if (sitting.isEmpty()) {
            log.error("Candidate {} approved, but their sitting {} is unknown: no 准考证号 generated",
                    candidate.candidateId(), signUp.get().examCode());
            return Optional.empty();
        }
        String year = AdmissionNumber.sittingYearOf(sitting.get());
        AdmissionNumber number = new AdmissionNumber(year, university, numbers.nextSequence(year, university));
        Instant now = clock.instant();
        numbers.insert(number, candidate.candidateId(), now);
        candidates.saveNumbered(candidate.candidateId(), candidate.numbered(number.toString()));
        outbox.publish(new AdmissionNumberAssigned(candidate.candidateId(), candidate.bureau(), university,
                number.toString(), now));
        log.info("Candidate {} got 准考证号 {}", candidate.candidateId(), number);
        return Optional.of(number);
    }
}
