package org.baokao.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ACC-6 as the platform announces it: after a code, a phone gets its next one of the same purpose
 * {@code resendAfterSeconds} later (the 202 answer of every code request says so; callers key the waits by phone and
 * purpose), and a request made before that is refused with 429 TOO_FREQUENT and the seconds left in
 * {@code Retry-After}. Tests wait for exactly what they were told, never for a minute they assume: the stack
 * {@code ./baokao test} starts has a shorter cooldown, a person's {@code ./baokao up} the production 60 s. Safe to share between the threads of a load test.
 */
public final class SmsCooldown {

    private final Map<String, Instant> nextCodeAt = new ConcurrentHashMap<>();

    /** Remembers when {@code phone} may get its next code, from the answer to a code request for it. */
    public void note(String phone, HttpProbe.Answer answer) {
        // measured from the moment the answer arrived, which is after the server counted the request
        announcedWait(answer).ifPresent(wait -> nextCodeAt.merge(phone, Instant.now().plus(wait),
                (noted, announced) -> noted.isAfter(announced) ? noted : announced));
    }

    /** Returns once {@code phone} may get its next code, as far as the answers noted tell; at once if none. */
    public void awaitNextCode(String phone) {
        Instant at = nextCodeAt.get(phone);
        if (at == null) {
            return;
        }
        Duration left = Duration.between(Instant.now(), at);
        if (left.isPositive()) {
            try {
                Thread.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * What the answer to a code request says about the next one: {@code resendAfterSeconds} of a 202, the
     * {@code Retry-After} of a 429 TOO_FREQUENT; empty for any other answer.
     */
    public static Optional<Duration> announcedWait(HttpProbe.Answer answer) {
        if (answer.status() == 202 && answer.json().has("resendAfterSeconds")) {
            return Optional.of(Duration.ofSeconds(answer.json().path("resendAfterSeconds").asLong()));
        }
        if (isTooFrequent(answer)) {
            return answer.header("Retry-After").map(seconds -> Duration.ofSeconds(Long.parseLong(seconds.trim())));
        }
        return Optional.empty();
    }

    /** A request refused because the phone's last code is too recent (not a daily cap, which waiting won't lift). */
    public static boolean isTooFrequent(HttpProbe.Answer answer) {
        return answer.status() == 429 && answer.contentType().contains("json")
                && "TOO_FREQUENT".equals(answer.problemCode());
    }
}
