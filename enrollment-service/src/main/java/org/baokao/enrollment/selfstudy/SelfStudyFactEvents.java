package org.baokao.enrollment.selfstudy;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.baokao.enrollment.roster.PhoneChangeFollower;
import org.baokao.enrollment.roster.RosterProjection;
import org.baokao.events.account.PhoneChanged;
import org.baokao.events.account.PhoneVerified;
import org.baokao.events.photo.ApprovalChanged;
import org.baokao.messaging.consumer.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What other services tell of a 自考 candidate's readiness (SST-4, ENR-8, SST-7), each applied once through the inbox
 * with its effect: the phone verified ({@code PhoneVerified}; {@code PhoneChanged} through the roster projection's
 * handler; a registration's own SMS code in {@link SelfStudyUniversities}) and photo-service's approval
 * ({@code ApprovalChanged}), which, once APPROVED, gives a new candidate their 准考证号.
 */
@Component
class SelfStudyFactEvents implements PhoneChangeFollower {

    /**
     * The service's one consumer of {@code photo.events}, the wizard's ({@code WizardPhotoEvents.CONSUMER}: a second
     * consumer would split the topic's partitions). Named here, not referenced, so that this feature does not depend
     * on the wizard; a test keeps the two the same.
     */
    static final String PHOTO_CONSUMER = "enrollment-service.wizard-photo";
    private static final Logger log = LoggerFactory.getLogger(SelfStudyFactEvents.class);

    private final SelfStudyCandidates candidates;
    private final AdmissionNumbers admissionNumbers;
    private final Clock clock;

    SelfStudyFactEvents(SelfStudyCandidates candidates, AdmissionNumbers admissionNumbers, Clock clock) {
        this.candidates = candidates;
        this.admissionNumbers = admissionNumbers;
        this.clock = clock;
    }

    /** An imported 在籍考生 (or anyone) proved their phone by an SMS code. */
    @EventHandler(RosterProjection.CONSUMER)
    void verified(PhoneVerified verified) {
        candidates.markPhoneVerified(verified.candidateId(), at(verified.verifiedAt()));
    }

    /** A changed phone was proved too: by its SMS code, or by the proofs an operator approved (ACC-8). */
    @Override
    public void phoneChanged(PhoneChanged changed) {
        candidates.markPhoneVerified(changed.candidateId(), at(changed.changedAt()));
    }

    /**
     * A new candidate's approval changed. It may come before their registration (another topic): the candidate's row
     * is then made for it, and the registration, arriving, finds the approval. Both take the row's lock, so whichever
     * comes second sees the first and the 准考证号 is generated once either way.
     */
    @EventHandler(PHOTO_CONSUMER)
    void approvalChanged(ApprovalChanged changed) {
        Instant at = at(changed.changedAt());
        Optional<SelfStudyCandidate> candidate = changed.bureau() != null
                ? Optional.of(candidates.lockOrCreate(changed.candidateId(), changed.bureau(), clock.instant()))
                : candidates.lock(changed.candidateId());
        if (candidate.isEmpty()) {
            log.warn("Approval {} of candidate {} without a bureau, before their registration: not kept",
                    changed.status(), changed.candidateId());
            return;
        }
        candidates.recordApproval(changed.candidateId(), changed.status(), changed.reason(), at);
        admissionNumbers.assignIfDue(candidate.get());
    }

    private Instant at(Instant occurred) {
        return occurred != null ? occurred : clock.instant();
    }
}
