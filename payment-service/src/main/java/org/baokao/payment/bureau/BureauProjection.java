package org.baokao.payment.bureau;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.baokao.events.enrollment.BureauConfigured;
import org.baokao.messaging.consumer.EventHandler;
import org.baokao.messaging.consumer.EventMeta;
import org.baokao.payment.PaymentConsumers;
import org.baokao.payment.channel.ChannelRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Keeps each bureau's name and payment channel rules from enrollment-service's {@link BureauConfigured} (BUR-1,
 * PAY-2), the newest configuration winning; its rules replace the bureau's rules whole. A kept configuration is
 * announced inside the service ({@link BureauRulesChanged}) once committed, so confirmations held for it are tried
 * again. A configuration with a rule this service cannot follow is refused whole (retried, then a dead letter).
 */
@Service
class BureauProjection {

    private static final Logger log = LoggerFactory.getLogger(BureauProjection.class);

    private final Bureaus bureaus;
    private final ChannelRules rules;
    private final ApplicationEventPublisher announcements;

    BureauProjection(Bureaus bureaus, ChannelRules rules, ApplicationEventPublisher announcements) {
        this.bureaus = bureaus;
        this.rules = rules;
        this.announcements = announcements;
    }

    @EventHandler(PaymentConsumers.ENROLLMENT_EVENTS)
    void on(BureauConfigured configured, EventMeta meta) {
        if (configured.code() == null || configured.code().isBlank() || configured.name() == null
                || configured.name().isBlank()) {
            throw new IllegalArgumentException("BureauConfigured " + meta.eventId() + " lacks the bureau's code or name");
        }
        // an event without its own time is dated by its envelope: when enrollment-service published it
        Instant configuredAt = configured.configuredAt() != null ? configured.configuredAt() : meta.occurredAt();
        if (!bureaus.keep(configured.code(), configured.name(), configuredAt)) {
            log.info("Bureau {}: configuration of {} ignored, a later one is held", configured.code(), configuredAt);
            return;
        }
        Map<String, String> channelByRegion = new LinkedHashMap<>();
        for (BureauConfigured.PaymentRule rule : configured.paymentRules()) {
            if (channelByRegion.put(rule.regionCode(), rule.channel()) != null) {
                throw new IllegalArgumentException("bureau " + configured.code() + ": two payment rules for region "
                        + rule.regionCode());
            }
        }
        rules.replace(configured.code(), channelByRegion);
        log.info("Bureau {} ({}): {} payment channel rules of {} kept", configured.code(), configured.name(),
                channelByRegion.size(), configuredAt);
        announcements.publishEvent(new BureauRulesChanged(configured.code()));
    }
}
