package org.baokao.events.account;

import java.time.Instant;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/** A password was changed, reset, or an initial password replaced (ACC-7, ACC-9). */
@EventType(name = "PasswordChanged", topic = Topics.ACCOUNT)
public record PasswordChanged(UUID candidateId, String reason, Instant changedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }
}
