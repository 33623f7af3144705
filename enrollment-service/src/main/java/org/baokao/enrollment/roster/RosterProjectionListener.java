package org.baokao.enrollment.roster;

import java.time.Clock;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.baokao.events.DomainEvent;
import org.baokao.events.EventCodec;
import org.baokao.events.EventEnvelope;
import org.baokao.events.Topics;
import org.baokao.events.account.CandidateRegistered;
import org.baokao.events.account.PhoneChanged;
import org.baokao.events.account.RosterEntryImported;
import org.baokao.messaging.inbox.Inbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link RosterProjection} from {@code account.events}: RosterEntryImported and CandidateRegistered go
 * through the inbox (each event applied once, in the same transaction as its effect); the topic's other events
 * are not this projection's and are skipped without a trace.
 */
@Component
class RosterProjectionListener {

    static final String CONSUMER = "enrollment-service.roster-projection";
    private static final Set<String> TYPES = Set.of("RosterEntryImported", "CandidateRegistered", "PhoneChanged");

    private final Inbox inbox;
    private final RosterProjection projection;
    private final Clock clock;

    RosterProjectionListener(Inbox inbox, RosterProjection projection, Clock clock) {
        this.inbox = inbox;
        this.projection = projection;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.ACCOUNT)
    void on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = EventCodec.read(record.value());
        if (!TYPES.contains(envelope.type())) {
            return;
        }
        DomainEvent event = EventCodec.payload(envelope);
        inbox.apply(CONSUMER, envelope, applied -> {
            switch (event) {
                case RosterEntryImported imported -> projection.apply(imported,
                        envelope.occurredAt() != null ? envelope.occurredAt() : clock.instant());
                case CandidateRegistered registered -> projection.apply(registered);
                case PhoneChanged changed -> projection.apply(changed);
                default -> {
                }
            }
        });
    }
}
