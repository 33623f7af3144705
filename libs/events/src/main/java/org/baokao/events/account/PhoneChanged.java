package org.baokao.events.account;

import java.time.Instant;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/** A candidate's phone changed, by SMS verification or after manual review (ACC-8). */
@EventType(name = "PhoneChanged", topic = Topics.ACCOUNT)
public record PhoneChanged(UUID candidateId, String phoneMasked, String via, Instant changedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }
}
