package org.baokao.sandbox.bank;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.baokao.sandbox.bank.BankBehaviour.Settings;
import org.baokao.sandbox.bank.BankLedger.BankOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Tells the merchant a payment landed, like a bank does: a form POST to the order's notify URL, signed with the
 * bank's key, sent again on the {@code sandbox.bank.notify-retry-delays} schedule until the merchant answers in the
 * bank's format. {@link BankBehaviour} adds duplicates sent at the same moment, a delay, or drops them all.
 */
@Component
class BankNotifier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BankNotifier.class);

    private final BankKeys keys;
    private final BankBehaviour behaviour;
    private final List<Duration> retryDelays;
    private final MeterRegistry meters;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2,
            Thread.ofPlatform().name("bank-notifier-", 0).daemon().factory());

    BankNotifier(BankKeys keys, BankBehaviour behaviour, BankSettings settings, MeterRegistry meters) {
        this.keys = keys;
        this.behaviour = behaviour;
        this.retryDelays = settings.notifyRetryDelays();
        this.meters = meters;
    }

    /** Schedules the notifications of a payment just made. */
    void paid(BankOrder order) {
        Settings now = behaviour.current();
        if (now.dropNotifications() || order.notifyUrl == null || order.notifyUrl.isBlank()) {
            log.info("Bank {}: notification for order {} dropped", order.channel, order.orderNo);
            meters.counter("sandbox.bank.notifications", "channel", order.channel.name(), "outcome", "dropped")
                    .increment();
            return;
        }
        Map<String, String> params = signedNotification(order);
        for (int copy = 0; copy <= now.duplicates(); copy++) {
            schedule(order, params, 0, now.notifyDelayMs());
        }
    }

    /** The notification a bank sends for a paid order; each has its own notifyId, as real banks' do. */
    Map<String, String> signedNotification(BankOrder order) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("channel", order.channel.name());
        params.put("orderNo", order.orderNo);
        params.put("bankTradeNo", order.bankTradeNo);
        params.put("amountFen", Long.toString(order.amountFen));
        params.put("tradeStatus", "SUCCESS");
        params.put("paidAt", order.paidAt.toString());
        params.put("notifyId", UUID.randomUUID().toString());
        params.put("notifyTime", Instant.now().toString());
        return keys.signed(order.channel, params);
    }

    private void schedule(BankOrder order, Map<String, String> params, int attempt, long extraDelayMs) {
        if (attempt >= retryDelays.size()) {
            log.warn("Bank {}: gave up notifying order {} after {} attempts", order.channel, order.orderNo, attempt);
            return;
        }
        long delay = retryDelays.get(attempt).toMillis() + extraDelayMs;
        scheduler.schedule(() -> Thread.ofVirtual().start(() -> send(order, params, attempt)), delay,
                TimeUnit.MILLISECONDS);
    }

    private void send(BankOrder order, Map<String, String> params, int attempt) {
        String answer;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(order.notifyUrl))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(form(params))).build(),
                    HttpResponse.BodyHandlers.ofString());
            answer = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200 && order.channel.isAcknowledgement(response.body())) {
                meters.counter("sandbox.bank.notifications", "channel", order.channel.name(), "outcome",
                        "acknowledged").increment();
                return;
            }
        } catch (Exception e) {
            answer = e.toString();
        }
        log.info("Bank {}: notification {} of order {} not acknowledged ({}), retrying", order.channel,
                attempt + 1, order.orderNo, answer.length() > 200 ? answer.substring(0, 200) : answer);
        meters.counter("sandbox.bank.notifications", "channel", order.channel.name(), "outcome", "unacknowledged")
                .increment();
        schedule(order, params, attempt + 1, 0);
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }


    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
