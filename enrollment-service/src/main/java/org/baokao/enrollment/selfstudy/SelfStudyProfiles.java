package org.baokao.enrollment.selfstudy;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.baokao.enrollment.exam.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A Shanghai 自考 candidate's 个人信息 (SST-4): read, and saved whole (确认提交) when every rule holds; complete once
 * saved, since saving needs every starred field. Editable at any time: it is the candidate's, not the sitting's.
 */
@Service
public class SelfStudyProfiles {

    private static final Logger log = LoggerFactory.getLogger(SelfStudyProfiles.class);

    private final ProfileRepository profiles;
    private final SelfStudyCandidates candidates;
    private final Clock clock;

    SelfStudyProfiles(ProfileRepository profiles, SelfStudyCandidates candidates, Clock clock) {
        this.profiles = profiles;
        this.candidates = candidates;
        this.clock = clock;
    }

    /** The saved profile of the candidate, if they saved one. */
    Optional<ProfileRepository.Saved> find(UUID candidateId) {
        return profiles.find(candidateId);
    }

    /**
     * Saves {@code profile} as the candidate's: 400 ({@link SelfStudyInputException}) with every violation; 409
     * {@code PROFILE_NOT_READY} while their registration (or import) has not arrived.
     */
    @Transactional
    ProfileRepository.Saved save(UUID candidateId, String bureau, SelfStudyProfile profile) {
        List<Violation> violations = SelfStudyProfileRules.check(profile);
        if (!violations.isEmpty()) {
            throw new SelfStudyInputException(violations);
        }
        candidates.lock(candidateId).filter(c -> c.belongsTo(bureau)).filter(c -> !c.registrations().isEmpty())
                .orElseThrow(SelfStudyUniversities::notReady);
        // as PostgreSQL keeps it: the answer and a later read show the same instant
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        profiles.save(candidateId, profile, now);
        log.info("Candidate {} saved their personal information", candidateId);
        return new ProfileRepository.Saved(profile, now);
    }
}
