package org.baokao.events.enrollment;

import java.time.Instant;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/**
 * A new Shanghai 自考 candidate was approved and got their 准考证号 (ENR-8, SST-7), generated once by
 * enrollment-service (format in docs/SELF-STUDY.md). account-service keeps it so that the candidate can log in with
 * it as an imported 在籍考生 does; an account that holds a 准考证号 already keeps its own.
 */
@EventType(name = "AdmissionNumberAssigned", topic = Topics.ENROLLMENT)
public record AdmissionNumberAssigned(UUID candidateId, String bureau, String universityCode, String admissionNumber,
        Instant assignedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }
}
