package org.baokao.events.enrollment;

import java.time.Instant;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/**
 * A Shanghai 自考 candidate added an examining university (报考其他学校, ENR-8): from now on they hold
 * {@code universityCode} with its one major {@code majorCode}. Not published for the university chosen at
 * registration (that is {@code CandidateRegistered}) nor for the universities of an imported candidate.
 * {@code specialMajor} is the catalogue's 特殊专业 flag at the time of adding (中药学, 护理学): photo-service is to require
 * a manual review with proofs for it (ENR-10), as it does for a special major chosen at registration.
 *
 * @param examCode the sitting whose catalogue the choice was checked against (the bureau's registration exam)
 */
@EventType(name = "UniversityRegistrationAdded", topic = Topics.ENROLLMENT)
public record UniversityRegistrationAdded(UUID candidateId, String bureau, String examCode, String universityCode,
        String majorCode, boolean specialMajor, Instant addedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }
}
