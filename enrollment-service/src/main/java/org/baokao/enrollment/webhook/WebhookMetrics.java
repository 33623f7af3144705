package org.baokao.enrollment.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * API-2's figures: {@code baokao_webhook_deliveries_total{result}} counts this instance's attempts by outcome
 * ({@code delivered}; {@code failed}: retried later; {@code dead}: the last try failed), and
 * {@code baokao_webhook_pending} is how many deliveries wait in the database (every instance reports the same).
 */
@Component
class WebhookMetrics {

    private final Counter delivered;
    private final Counter failed;
    private final Counter dead;

    WebhookMetrics(MeterRegistry registry, DeliveryStore deliveries) {
        this.delivered = counter(registry, "delivered");
        this.failed = counter(registry, "failed");
        this.dead = counter(registry, "dead");
        Gauge.builder("baokao.webhook.pending", deliveries, DeliveryStore::pending)
                .description("Webhook deliveries waiting to be sent or retried").register(registry);
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder("baokao.webhook.deliveries").tag("result", result)
                .description("Webhook delivery attempts by outcome").register(registry);
    }

    void delivered() {
        delivered.increment();
    }

    void failed() {
        failed.increment();
    }

    void dead() {
        dead.increment();
    }
}
