package org.baokao.enrollment.roster;

import java.time.Clock;

import org.baokao.events.account.CandidateRegistered;
import org.baokao.events.account.PhoneChanged;
import org.baokao.events.account.RosterEntryImported;
import org.baokao.messaging.consumer.EventSubscriber;
import org.baokao.messaging.consumer.EventSubscription;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link RosterProjection} from {@code account.events}: RosterEntryImported, CandidateRegistered and
 * PhoneChanged, each applied once through the inbox in the same transaction as its effect; the topic's other
 * events are not this projection's and are skipped without a trace.
 */
@Component
class RosterProjectionListener implements EventSubscriber {

    static final String CONSUMER = "enrollment-service.roster-projection";

    private final RosterProjection projection;
    private final Clock clock;

    RosterProjectionListener(RosterProjection projection, Clock clock) {
        this.projection = projection;
        this.clock = clock;
    }

    @Override
    public EventSubscription subscription() {
        return EventSubscription.named(CONSUMER)
                .on(RosterEntryImported.class, (imported, meta) -> projection.apply(imported,
                        meta.occurredAt() != null ? meta.occurredAt() : clock.instant()))
                .on(CandidateRegistered.class, (registered, meta) -> projection.apply(registered))
                .on(PhoneChanged.class, (changed, meta) -> projection.apply(changed));
    }
}
