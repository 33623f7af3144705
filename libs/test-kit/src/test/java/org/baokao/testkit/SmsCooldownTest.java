package org.baokao.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Journeys wait for the cooldown the platform announced, and only for that. */
class SmsCooldownTest {

    private static final String PHONE = "13912345678";

    @Test
    void aSentCodeAnnouncesTheNextOneAndATooFrequentRefusalTheSecondsLeft() {
        assertThat(SmsCooldown.announcedWait(new HttpProbe.Answer(202, "application/json",
                "{\"maskedPhone\":\"139****5678\",\"resendAfterSeconds\":3,\"validForSeconds\":300}")))
                .contains(Duration.ofSeconds(3));
        assertThat(SmsCooldown.announcedWait(tooMany("TOO_FREQUENT", "2"))).contains(Duration.ofSeconds(2));
        assertThat(SmsCooldown.announcedWait(tooMany("DAILY_LIMIT_REACHED", null)))
                .as("a daily cap is not lifted by waiting").isEmpty();
        assertThat(SmsCooldown.isTooFrequent(tooMany("DAILY_LIMIT_REACHED", null))).isFalse();
    }

    @Test
    void waitsUntilTheAnnouncedMomentForThatPhoneOnly() {
        SmsCooldown cooldown = new SmsCooldown();
        cooldown.note(PHONE, tooMany("TOO_FREQUENT", "1"));

        long began = System.nanoTime();
        cooldown.awaitNextCode("13900000000");
        assertThat(Duration.ofNanos(System.nanoTime() - began)).as("another phone").isLessThan(Duration.ofMillis(500));
        cooldown.awaitNextCode(PHONE);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofMillis(990));
    }

    private static HttpProbe.Answer tooMany(String code, String retryAfter) {
        Map<String, List<String>> headers = retryAfter == null ? Map.of() : Map.of("Retry-After", List.of(retryAfter));
        return new HttpProbe.Answer(429, "application/problem+json", "{\"status\":429,\"code\":\"" + code + "\"}",
                HttpHeaders.of(headers, (name, value) -> true));
    }
}
