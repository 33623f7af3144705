package org.baokao.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.baokao.testkit.StackTable;
import org.junit.jupiter.api.Test;

/**
 * Issue 23 §3, two of everything: a second instance of every service and a second gateway that spreads each route
 * over both. Complete journeys through that gateway land on both instances of every service (load spread: requests
 * through the gateway, events through the consumer group's partitions), and
 * still complete with nothing lost or doubled: a captcha issued by one account-service instance is checked by the
 * other, an SMS code sent by one is verified by the other, the photo uploaded through one is confirmed through the
 * other, the bank's notification reaches either payment-service; no state lives in one instance's memory. (The
 * gateways' shared rate limits: gateway's {@code RateLimitGatewayTest}; jobs that must run once: libs/jobs'
 * {@code JobsTest}.)
 */
class TwoInstancesSystemTest {

    @Test
    void journeysThroughASecondGatewaySpreadOverTwoInstancesOfEveryServiceAndComplete() throws Exception {
        Path home = Path.of(System.getProperty("baokao.home", "..")).toAbsolutePath().normalize();
        try (SecondInstances second = SecondInstances.start(home)) {
            Map<String, Long> before = served();
            Instant start = Instant.now();

            ChaosJourneys.Outcome load = new ChaosJourneys(second.gatewayUrl()).run(3, Duration.ofSeconds(40));

            Map<String, Long> after = served();
            Map<String, Long> during = new LinkedHashMap<>();
            after.forEach((instance, count) -> during.put(instance, count - before.get(instance)));
            System.out.printf("%d journeys completed; requests and events each instance served meanwhile: %s%n",
                    load.completed().size(), during);
            assertThat(load.abandoned()).as("journeys abandoned").isEmpty();
            assertThat(load.completed()).as("journeys completed").isNotEmpty();
            assertThat(load.unexpected5xx()).as("5xx").isEmpty();
            assertThat(during).as("every instance of every service served some of them")
                    .allSatisfy((instance, count) -> assertThat(count).as(instance).isPositive());
            Invariants.Report invariants = Invariants.check(start.minusSeconds(1));
            System.out.print(invariants.describe());
            assertThat(invariants.breaches()).as("invariants").isEmpty();
        }
    }

    private static Map<String, Long> served() {
        Map<String, Long> served = new LinkedHashMap<>();
        for (String service : SecondInstances.SERVICES.keySet()) {
            int port = StackTable.portOf(service);
            served.put(service + " :" + port, SecondInstances.served(port));
            served.put(service + " :" + (port + SecondInstances.OFFSET), SecondInstances.served(port + SecondInstances.OFFSET));
        }
        return served;
    }
}
