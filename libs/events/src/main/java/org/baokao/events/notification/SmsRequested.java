package org.baokao.events.notification;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/**
 * A service asks for an SMS. May carry a verification code in params: never log this event.
 *
 * @param bureau the bureau (考试院) the message is sent for: its signature and templates (BUR-1); null in events
 *               from before bureaus, read as the default bureau
 */
@EventType(name = "SmsRequested", topic = Topics.NOTIFICATION_REQUESTS)
public record SmsRequested(UUID requestId, UUID candidateId, String phone, String template, Map<String, String> params,
        Instant requestedAt, String bureau) implements DomainEvent {

    /** A request from before bureaus (or for the default bureau's texts). */
    public SmsRequested(UUID requestId, UUID candidateId, String phone, String template, Map<String, String> params,
            Instant requestedAt) {
        this(requestId, candidateId, phone, template, params, requestedAt, null);
    }

    @Override
    public String toString() {
        return "SmsRequested[requestId=" + requestId + ", template=" + template + ", bureau=" + bureau + "]";
    }

    @Override
    public String aggregateId() {
        // one phone's messages stay in order (an older code must not arrive after a newer one); before an
        // account exists the phone is all there is to order by
        return candidateId != null ? candidateId.toString() : phone;
    }
}
