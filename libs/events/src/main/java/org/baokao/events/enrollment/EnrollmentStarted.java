package org.baokao.events.enrollment;

import java.time.Instant;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/**
 * A candidate accepted the pledge and began the wizard for an exam (ENR-2).
 *
 * @param track         UNIFIED or VETERAN_EXEMPTION (ENR-6)
 * @param pledgeVersion the version of the exam's pledge the candidate accepted
 */
@EventType(name = "EnrollmentStarted", topic = Topics.ENROLLMENT)
public record EnrollmentStarted(UUID enrollmentId, UUID candidateId, String examCode, Instant startedAt, String track,
        int pledgeVersion) implements DomainEvent {

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }
}
