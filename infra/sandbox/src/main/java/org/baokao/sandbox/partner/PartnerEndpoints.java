package org.baokao.sandbox.partner;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The partners the sandbox plays (API-2), by name: each with the secret the platform gave it, how its endpoint
 * behaves now, and the deliveries it received (newest first, at most {@value #KEPT} each; at most
 * {@value #MAX_PARTNERS} partners, the eldest forgotten first). In memory: a restart forgets them, as a demo may.
 */
@Component
class PartnerEndpoints {

    static final int KEPT = 1000;
    static final int MAX_PARTNERS = 1000;
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    private final Map<String, Played> partners = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Played> eldest) {
            return size() > MAX_PARTNERS;
        }
    };

    /** How one partner's endpoint is set up now; {@code failTimes} null = fail every delivery while FAILING. */
    record Settings(String secret, PartnerMode mode, Integer failTimes, long delayMs) {
    }

    /** One delivery as the partner got it. */
    record Received(Instant receivedAt, String eventId, String deliveryId, String eventType, int signatures,
            boolean signatureValid, int answeredStatus, String body) {
    }

    private static final class Played {
        Settings settings;
        final Deque<Received> received = new ArrayDeque<>();

        Played(Settings settings) {
            this.settings = settings;
        }
    }

    synchronized Settings configure(String name, Settings settings) {
        Played played = partners.get(name);
        if (played == null) {
            partners.put(name, new Played(settings));
        } else {
            played.settings = settings;
        }
        return settings;
    }

    synchronized Optional<Settings> settings(String name) {
        return Optional.ofNullable(partners.get(name)).map(played -> played.settings);
    }

    /** Whether the partner's endpoint is down now (its connections are closed before anything is read). */
    synchronized boolean isDown(String name) {
        Played played = partners.get(name);
        return played != null && played.settings.mode() == PartnerMode.DOWN;
    }

    /**
     * Decides the answer to a delivery arriving now and counts it down if the endpoint fails a number of times:
     * 500 while FAILING, else 200. Empty for a partner the sandbox does not play.
     */
    synchronized Optional<Answer> answer(String name) {
        Played played = partners.get(name);
        if (played == null) {
            return Optional.empty();
        }
        Settings settings = played.settings;
        return Optional.of(switch (settings.mode()) {
            case FAILING -> {
                if (settings.failTimes() == null) {
                    yield new Answer(500, 0, settings.secret());
                }
                if (settings.failTimes() > 0) {
                    played.settings = new Settings(settings.secret(), settings.mode(), settings.failTimes() - 1,
                            settings.delayMs());
                    yield new Answer(500, 0, settings.secret());
                }
                yield new Answer(200, 0, settings.secret());
            }
            case SLOW -> new Answer(200, settings.delayMs(), settings.secret());
            // DOWN is closed before it gets here (PartnerConnectionValve); one slipping through (the mode changed
            // meanwhile) is answered as OK
            case OK, DOWN -> new Answer(200, 0, settings.secret());
        });
    }

    record Answer(int status, long delayMs, String secret) {
    }

    synchronized void record(String name, Received received) {
        Played played = partners.get(name);
        if (played != null) {
            played.received.addFirst(received);
            while (played.received.size() > KEPT) {
                played.received.removeLast();
            }
        }
    }

    synchronized Optional<List<Received>> received(String name) {
        return Optional.ofNullable(partners.get(name)).map(played -> List.copyOf(played.received));
    }
}
