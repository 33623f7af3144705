package org.baokao.events.account;

import java.time.Instant;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/**
 * A candidate proved, by an SMS code, that the phone on file is theirs ({@code me/phone-verification}: an imported
 * 在籍考生's first login, or any later verification). Not published at registration: {@code CandidateRegistered}
 * already means a phone proved by its code; nor for an approved phone change ({@code PhoneChanged}, verified too).
 * Shanghai course selection waits for a verified phone (ENR-8, SST-4). The phone travels only masked.
 */
@EventType(name = "PhoneVerified", topic = Topics.ACCOUNT)
public record PhoneVerified(UUID candidateId, String bureau, String phoneMasked, Instant verifiedAt)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return candidateId.toString();
    }
}
