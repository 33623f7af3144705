package org.baokao.gateway.waitingroom;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code baokao.gateway.waiting-room} (GW-2, docs/ARCHITECTURE.md "Waiting room").
 *
 * @param enabled         off: nobody ever waits, whatever the capacities
 * @param capacity        route id → requests this instance may have in flight to it before new sessions wait;
 *                        routes not named are never the reason anyone waits (none by default: the room is idle)
 * @param secret          signs passes and tickets: the same value on every instance of one deployment (blank: a
 *                        random one per instance, with a warning)
 * @param keyPrefix       the shared store's keys start with it: instances with the same prefix share one line
 *                        (keep the braces: all keys in one Redis Cluster slot, as the scripts need)
 * @param passLifetime    an admission pass lasts this long after its last renewal
 * @param ticketLifetime  a ticket cookie is read for this long after it was taken
 * @param abandonAfter    a ticket nobody asked about for this long leaves the line
 * @param turnInterval    how often this instance admits from the line (up to its free capacity each time)
 * @param pollInterval    how often the waiting page asks; the 429's {@code Retry-After}
 * @param rateWindow      admissions within it make the estimate
 * @param storeTimeout    longest wait for the shared store before failing open
 * @param exemptPaths     {@code /api/**} paths that never wait (callbacks, the phone's capture link)
 * @param exemptPages     UI pages that never wait (the phone's capture page, the operator console)
 */
@ConfigurationProperties("baokao.gateway.waiting-room")
public record WaitingRoomProperties(
        @DefaultValue("true") boolean enabled,
        Map<String, Integer> capacity,
        @DefaultValue("") String secret,
        @DefaultValue("baokao:{waiting-room}") String keyPrefix,
        @DefaultValue("2h") Duration passLifetime,
        @DefaultValue("1h") Duration ticketLifetime,
        @DefaultValue("60s") Duration abandonAfter,
        @DefaultValue("1s") Duration turnInterval,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("2m") Duration rateWindow,
        @DefaultValue("500ms") Duration storeTimeout,
        @DefaultValue({ "/api/payments/notify/**", "/api/photos/public/capture/**" }) List<String> exemptPaths,
        @DefaultValue({ "/capture/**", "/*/capture/**", "/console", "/console/**" }) List<String> exemptPages) {

    public WaitingRoomProperties {
        capacity = capacity == null ? Map.of() : Map.copyOf(capacity);
        exemptPaths = List.copyOf(exemptPaths);
        exemptPages = List.copyOf(exemptPages);
    }

    /** The capacities that apply: none when the room is switched off. */
    public Capacities capacities() {
        return enabled ? new Capacities(capacity) : Capacities.none();
    }
}
