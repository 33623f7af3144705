package org.baokao.enrollment.wizard;

import java.time.Clock;
import java.util.UUID;

import org.baokao.enrollment.roster.RosterProjection;
import org.springframework.stereotype.Service;

/**
 * 信息预览 (ENR-7) of the candidate's own completed enrollment, for the page and for the printed 报名信息表: another
 * candidate's enrollment is 404 {@code ENROLLMENT_NOT_FOUND}; one not yet completed is refused like the step.
 */
@Service
public class Previews {

    private final EnrollmentWizard wizard;
    private final RosterProjection roster;
    private final Clock clock;

    Previews(EnrollmentWizard wizard, RosterProjection roster, Clock clock) {
        this.wizard = wizard;
        this.roster = roster;
        this.clock = clock;
    }

    public PreviewView of(UUID candidateId, String bureau, UUID enrollmentId) {
        EnrollmentWizard.OwnEnrollment own = wizard.get(candidateId, bureau, enrollmentId);
        own.enrollment().status().requireAllows(Step.PREVIEW);
        return PreviewView.of(own.enrollment(), own.exam(), roster.findCandidateProfile(candidateId),
                wizard.properties().amendableFields(), clock.instant());
    }
}
