package org.baokao.notification.bureau;

import java.time.Instant;

import org.baokao.events.enrollment.BureauConfigured;
import org.baokao.messaging.consumer.EventHandler;
import org.baokao.messaging.consumer.EventMeta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Keeps each bureau's SMS signature and wordings from enrollment-service's {@link BureauConfigured} (BUR-1), the
 * newest configuration winning. A kept one is announced inside the service ({@link BureauSmsConfigured}) once it
 * is committed, so SMS requests held for the bureau go out.
 */
@Service
class BureauProjection {

    /** This service's consumer of {@code enrollment.events}: it needs nothing else from that topic. */
    static final String CONSUMER = "notification-service.bureaus";
    private static final Logger log = LoggerFactory.getLogger(BureauProjection.class);

    private final BureauSmsSettings settings;
    private final ApplicationEventPublisher announcements;

    BureauProjection(BureauSmsSettings settings, ApplicationEventPublisher announcements) {
        this.settings = settings;
        this.announcements = announcements;
    }

    @EventHandler(CONSUMER)
    void on(BureauConfigured configured, EventMeta meta) {
        if (configured.code() == null || configured.code().isBlank()) {
            throw new IllegalArgumentException("BureauConfigured " + meta.eventId() + " names no bureau");
        }
        // an event without its own time is dated by its envelope: when enrollment-service published it
        Instant configuredAt = configured.configuredAt() != null ? configured.configuredAt() : meta.occurredAt();
        if (!settings.keep(configured, configuredAt)) {
            log.info("Bureau {}: configuration of {} ignored, a later one is held", configured.code(), configuredAt);
            return;
        }
        log.info("Bureau {}: SMS signature and {} own template wordings of {} kept", configured.code(),
                configured.smsTemplates().size(), configuredAt);
        announcements.publishEvent(new BureauSmsConfigured(configured.code()));
    }
}
