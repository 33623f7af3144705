package org.baokao.payment.bench;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.baokao.events.enrollment.EnrollmentConfirmed;
import org.baokao.payment.PaymentApplication;
import org.baokao.testkit.Crowd;
import org.baokao.testkit.Crowd.Outcome;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.TestServers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * PAY-4: how fast payment-service handles bank notifications, on this machine. Starts its own PostgreSQL, Kafka and
 * sandbox bank (test kit) and payment-service in this JVM; opens {@code bench.orders} orders from EnrollmentConfirmed
 * events, sends each to the sandbox bank and pays it there with the bank's own notifications switched off; then posts
 * the bank-signed notifications over HTTP, {@code bench.users} at a time: first every order's notification once
 * (each verifies the RSA signature, locks the order, records the payment and PaymentSucceeded in one transaction),
 * then {@code bench.duplicates} more copies of each (verified, recognised, acknowledged, nothing changes).
 * Run: {@code ./baokao bench notify}. Options: {@code -Dbench.orders=1000 -Dbench.users=16 -Dbench.duplicates=2}.
 */
public final class NotifyBenchmark {

    private static final int ORDERS = Integer.getInteger("bench.orders", 1000);
    private static final int USERS = Integer.getInteger("bench.users", 16);
    private static final int DUPLICATES = Integer.getInteger("bench.duplicates", 2);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Paid(String orderId, String channel, String form) {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("baokao.testkit.sandbox-jar") == null) {
            // ./baokao bench runs in payment-service/; the build put the sandbox jar beside it
            System.setProperty("baokao.testkit.sandbox-jar",
                    Path.of("../infra/sandbox/target/sandbox.jar").toAbsolutePath().normalize().toString());
        }
        System.out.printf("== Notification benchmark: %d cores, %d orders, %d concurrent bank connections, %d duplicates"
                + " each%n", Runtime.getRuntime().availableProcessors(), ORDERS, USERS, DUPLICATES);
        String sandbox = TestServers.sandboxUrl();
        Map<String, Object> properties = new java.util.HashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.org.baokao", "WARN");
        properties.put("spring.datasource.url", TestServers.jdbcUrl());
        properties.put("spring.datasource.username", TestServers.jdbcUser());
        properties.put("spring.datasource.password", TestServers.jdbcPassword());
        properties.put("spring.kafka.bootstrap-servers", TestServers.kafkaBootstrapServers());
        properties.put("baokao.security.issuers[0].issuer", TestServers.issuer().issuer());
        properties.put("baokao.security.issuers[0].jwk-set-uri", TestServers.issuer().jwkSetUri());
        properties.put("baokao.sandbox.url", sandbox);
        // command-line arguments, so they win over application.yml (never the stack's fixed port 8084)
        ConfigurableApplicationContext service = new SpringApplicationBuilder(PaymentApplication.class)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
        try {
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            JdbcClient jdbc = service.getBean(JdbcClient.class);
            HttpProbe bank = HttpProbe.at(sandbox);
            bank.send(bank.request("/sandbox/bank/api/behaviour").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"dropNotifications\":true}")));

            List<Paid> paid = prepare(port, jdbc, bank);
            List<Paid> firsts = new ArrayList<>(paid);
            Collections.shuffle(firsts);
            Outcome<Paid> first = Crowd.each(firsts, USERS, p -> deliver(port, p));
            System.out.println("first deliveries (settle the order): " + first.summary());

            List<Paid> copies = new ArrayList<>();
            for (int i = 0; i < DUPLICATES; i++) {
                copies.addAll(paid);
            }
            Collections.shuffle(copies);
            List<Integer> indexes = IntStream.range(0, copies.size()).boxed().toList();
            Outcome<Integer> duplicates = Crowd.each(indexes, USERS, i -> deliver(port, copies.get(i)));
            System.out.println("duplicate deliveries (change nothing): " + duplicates.summary());

            long paidOrders = jdbc.sql("select count(*) from fee_order where status = 'PAID'").query(Long.class).single();
            long payments = jdbc.sql("select count(*) from bank_payment").query(Long.class).single();
            long events = jdbc.sql("select count(*) from messaging.outbox where envelope like '%\"PaymentSucceeded\"%'")
                    .query(Long.class).single();
            System.out.printf("check: %d orders paid, %d bank payments recorded, %d PaymentSucceeded in the outbox"
                    + " (all should be %d)%n", paidOrders, payments, events, ORDERS);
            int all = first.succeeded() + duplicates.succeeded();
            double seconds = first.seconds() + duplicates.seconds();
            System.out.println();
            System.out.printf("RESULT first notifications/s %.0f p99 %.0f ms | duplicates/s %.0f p99 %.0f ms | "
                    + "all %d in %.1f s = %.0f/s%n", first.perSecond(), first.latencies().percentileMillis(99),
                    duplicates.perSecond(), duplicates.latencies().percentileMillis(99), all, seconds, all / seconds);
        } finally {
            service.close();
        }
        System.exit(0);
    }

    /** Orders opened over Kafka, sent to the bank and paid there; their signed notifications fetched from the bank. */
    private static List<Paid> prepare(int port, JdbcClient jdbc, HttpProbe bank) throws Exception {
        Instant start = Instant.now();
        KafkaEvents kafka = KafkaEvents.ofTestServers();
        List<UUID> candidates = new ArrayList<>();
        String[] cities = {"3702", "3701", "3101"};
        for (int i = 0; i < ORDERS; i++) {
            UUID candidate = UUID.randomUUID();
            candidates.add(candidate);
            kafka.publish(new EnrollmentConfirmed(UUID.randomUUID(), candidate, "BENCH", cities[i % 3],
                    List.of(new EnrollmentConfirmed.FeeItem("REGISTRATION", "报名", 3000),
                            new EnrollmentConfirmed.FeeItem("ENGLISH", "英语", 5000)),
                    Instant.now(), "UNIFIED", "MED", null, null, null, null, "基准测试考试"));
        }
        while (jdbc.sql("select count(*) from fee_order").query(Long.class).single() < ORDERS) {
            if (Instant.now().isAfter(start.plusSeconds(300))) {
                throw new IllegalStateException("orders were not opened within 5 minutes");
            }
            Thread.sleep(200);
        }
        List<Paid> paid = Collections.synchronizedList(new ArrayList<>());
        Outcome<UUID> setup = Crowd.each(candidates, 8, candidate -> {
            String token = TestServers.issuer().token(candidate.toString(), "candidate");
            var order = jdbc.sql("select id, channel from fee_order where candidate_id = ?").param(candidate)
                    .query((row, n) -> new String[] {row.getString("id"), row.getString("channel")}).single();
            HttpProbe.Answer paying = HttpProbe.onLocalPort(port).send(HttpProbe.onLocalPort(port)
                    .request("/api/payments/orders/" + order[0] + "/pay").header("Authorization", "Bearer " + token)
                    .header("Idempotency-Key", "bench").POST(HttpRequest.BodyPublishers.noBody()));
            if (paying.status() != 200) {
                throw new IllegalStateException("pay: " + paying.status() + " " + paying.body());
            }
            String orderNo = order[0].replace("-", "");
            bank.send(bank.request("/sandbox/bank/" + order[1] + "/test/orders/" + orderNo + "/pay")
                    .POST(HttpRequest.BodyPublishers.noBody()));
            Map<String, String> notification = JSON.readValue(
                    bank.get("/sandbox/bank/" + order[1] + "/test/orders/" + orderNo + "/notification").body(),
                    new TypeReference<Map<String, String>>() {
                    });
            paid.add(new Paid(order[0], order[1], form(notification)));
        });
        System.out.println("setup (open, pay at the sandbox bank): " + setup.summary());
        return new ArrayList<>(paid);
    }

    private static void deliver(int port, Paid paid) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(java.net.URI.create(
                    "http://127.0.0.1:" + port + "/api/payments/notify/" + paid.channel().toLowerCase()))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(paid.form())).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("notification answered " + response.statusCode());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> params) {
        StringBuilder form = new StringBuilder();
        params.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return form.toString();
    }
}
