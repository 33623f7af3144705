package org.baokao.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Issue 23 §2, the short version for {@code ./baokao test}: journeys under way while payment-service is killed
 * (kill -9) as the bank's notifications arrive, and enrollment-service after it; each restarted. Afterwards no
 * payment lost or doubled, one payment SMS per payment, every event consumed once, nothing stuck, and no 5xx but a
 * breaker's 503. The full run is {@code ./baokao chaos}.
 */
class ChaosSystemTest {

    @Test
    void journeysSurviveKilledServicesWithNothingLostOrDoubled() throws Exception {
        Path home = Path.of(System.getProperty("baokao.home", "..")).toAbsolutePath().normalize();

        ChaosRun.Result result = ChaosRun.run(home, false);

        System.out.print(result.describe());
        assertThat(result.faults()).as("faults injected").hasSize(2);
        assertThat(result.load().completed()).as("journeys completed").isNotEmpty();
        assertThat(result.load().abandoned()).as("journeys abandoned").isEmpty();
        assertThat(result.load().unexpected5xx()).as("5xx other than a breaker's 503").isEmpty();
        assertThat(result.invariants().breaches()).as("invariants").isEmpty();
        assertThat(result.invariants().figures().get("paid enrollment orders"))
                .as("every completed journey paid once").isGreaterThanOrEqualTo(result.load().completed().size());
    }
}
