package org.baokao.system.chaos;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.baokao.testkit.StackTable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What must hold after registration day's load and faults (issue 23 §2), read from every service's database and the
 * sandbox bank's statements: no payment lost or doubled, one payment SMS per payment, every event consumed once by
 * every consumer of its type, nothing stuck past its time limit. Each check prints its figures; a breach is listed.
 * Rows older than {@code since} are left out (earlier tests' deliberate failures are not this run's).
 */
public final class Invariants {

    /** The services with an outbox and an inbox (libs/messaging), by database. */
    static final List<String> SERVICE_DATABASES = List.of("account", "enrollment", "photo", "payment", "notification");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final Instant since;
    private final Map<String, Long> figures = new LinkedHashMap<>();
    private final List<String> breaches = new ArrayList<>();

    private Invariants(Instant since) {
        this.since = since;
    }

    /** The figures and the breaches of every check, for rows since {@code since}. */
    public record Report(Map<String, Long> figures, List<String> breaches) {

        public boolean held() {
            return breaches.isEmpty();
        }

        public String describe() {
            StringBuilder text = new StringBuilder();
            figures.forEach((name, value) -> text.append(String.format("  %-62s %8d%n", name, value)));
            text.append(breaches.isEmpty() ? "  every invariant held\n" : "  BREACHES:\n");
            breaches.forEach(breach -> text.append("    - ").append(breach).append('\n'));
            return text.toString();
        }
    }

    public static Report check(Instant since) {
        Invariants invariants = new Invariants(since);
        try {
            invariants.paymentsAndEnrollments();
            invariants.bankStatements();
            invariants.paymentSms();
            invariants.eventsConsumedOnce();
            invariants.nothingStuck();
        } catch (SQLException e) {
            invariants.breaches.add("could not read a database: " + e.getMessage());
        }
        return new Report(invariants.figures, invariants.breaches);
    }

    /** Every paid order ↔ exactly one completed enrollment; no enrollment paid twice without a refund. */
    private void paymentsAndEnrollments() throws SQLException {
        Map<String, String> paidOrderOfEnrollment = new HashMap<>();
        query("payment", "select id, enrollment_id from fee_order where kind = 'ENROLLMENT' and status = 'PAID'"
                + " and created_at >= ?", row -> paidOrderOfEnrollment.put(row.getString(2), row.getString(1)));
        Map<String, String> orderOfCompleted = new HashMap<>();
        query("enrollment", "select id, order_id from enrollment where status = 'COMPLETED' and created_at >= ?",
                row -> orderOfCompleted.put(row.getString(1), row.getString(2)));
        figures.put("paid enrollment orders", (long) paidOrderOfEnrollment.size());
        figures.put("completed enrollments", (long) orderOfCompleted.size());
        long mismatched = 0;
        for (Map.Entry<String, String> paid : paidOrderOfEnrollment.entrySet()) {
            if (!paid.getValue().equals(orderOfCompleted.get(paid.getKey()))) {
                mismatched++;
                breaches.add("order " + paid.getValue() + " is paid, enrollment " + paid.getKey() + " is not completed by it");
            }
        }
        for (Map.Entry<String, String> completed : orderOfCompleted.entrySet()) {
            if (!completed.getValue().equals(paidOrderOfEnrollment.get(completed.getKey()))) {
                mismatched++;
                breaches.add("enrollment " + completed.getKey() + " is completed by order " + completed.getValue()
                        + ", which is not paid");
            }
        }
        figures.put("paid orders without their completed enrollment (and back)", mismatched);
        long[] doubled = { 0 };
        query("payment", """
                select o.enrollment_id, count(*) from bank_payment p join fee_order o on o.id = p.order_id
                where p.outcome = 'SETTLED' and o.created_at >= ?
                  and not exists (select 1 from refund r where r.channel = p.channel and r.bank_trade_no = p.bank_trade_no)
                group by o.enrollment_id having count(*) > 1""",
                row -> {
                    doubled[0]++;
                    breaches.add("enrollment " + row.getString(1) + " kept " + row.getLong(2) + " payments");
                });
        figures.put("enrollments paid twice without a refund", doubled[0]);
    }

    /**
     * The bank's truth: every payment on the sandbox banks' statements of today (and yesterday, around midnight
     * in Beijing) is recorded by payment-service, kept or refunded; every refund it decided reached the bank.
     */
    private void bankStatements() throws SQLException {
        Map<String, String> recorded = new HashMap<>(); // channel + trade no -> outcome
        Set<String> ourOrders = new HashSet<>();
        query("payment", """
                select p.channel, p.bank_trade_no, p.outcome from bank_payment p join fee_order o on o.id = p.order_id
                where o.created_at >= ?""", row -> recorded.put(row.getString(1) + " " + row.getString(2), row.getString(3)));
        query("payment", "select id, channel from fee_order where created_at >= ?",
                row -> ourOrders.add(row.getString(2) + " " + row.getString(1).replace("-", "")));
        long bankPayments = 0;
        long unrecorded = 0;
        long refundedAtBank = 0;
        LocalDate today = LocalDate.now(BEIJING);
        for (String channel : List.of("CEB", "UNIONPAY", "PUBLIC_PAYMENT_PLATFORM")) {
            for (LocalDate day : List.of(today.minusDays(1), today)) {
                for (String line : statement(channel, day)) {
                    String[] cells = line.split(",", -1);
                    if (!ourOrders.contains(channel + " " + cells[2])) {
                        continue; // another run's order
                    }
                    if (cells[0].equals("PAY")) {
                        bankPayments++;
                        if (!recorded.containsKey(channel + " " + cells[1])) {
                            unrecorded++;
                            breaches.add(channel + " payment " + cells[1] + " of order " + cells[2]
                                    + " is at the bank but not recorded by payment-service");
                        }
                    } else {
                        refundedAtBank++;
                    }
                }
            }
        }
        figures.put("payments on the banks' statements", bankPayments);
        figures.put("payments at a bank that payment-service lost", unrecorded);
        figures.put("refunds on the banks' statements", refundedAtBank);
    }

    private static List<String> statement(String channel, LocalDate day) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    StackTable.urlOf("sandbox") + "/sandbox/bank/" + channel + "/statements/" + day)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("the sandbox bank's statement " + channel + " " + day + ": HTTP "
                        + answer.statusCode());
            }
            return answer.body().lines().skip(1).filter(line -> !line.isBlank()).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the sandbox is not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One payment SMS per payment: per candidate, as many PAYMENT_SUCCEEDED SMS as paid orders. */
    private void paymentSms() throws SQLException {
        Map<String, Long> paid = new HashMap<>();
        // paid_at: an order an operator refunded afterwards was paid too, and its SMS went out then
        query("payment", "select candidate_id, count(*) from fee_order where paid_at is not null and created_at >= ?"
                + " group by candidate_id", row -> paid.put(row.getString(1), row.getLong(2)));
        Map<String, Long> texted = new HashMap<>();
        query("notification", "select candidate_id, count(*) from sms_delivery where template_code = 'PAYMENT_SUCCEEDED'"
                + " and status = 'SENT' and first_attempt_at >= ? group by candidate_id",
                row -> texted.put(row.getString(1), row.getLong(2)));
        long missing = 0;
        long doubled = 0;
        for (Map.Entry<String, Long> candidate : paid.entrySet()) {
            long sms = texted.getOrDefault(candidate.getKey(), 0L);
            if (sms < candidate.getValue()) {
                missing += candidate.getValue() - sms;
                breaches.add("candidate " + candidate.getKey() + " paid " + candidate.getValue() + " times, got " + sms
                        + " payment SMS");
            }
        }
        for (Map.Entry<String, Long> candidate : texted.entrySet()) {
            long orders = paid.getOrDefault(candidate.getKey(), 0L);
            if (candidate.getValue() > orders) {
                doubled += candidate.getValue() - orders;
                breaches.add("candidate " + candidate.getKey() + " got " + candidate.getValue() + " payment SMS for "
                        + orders + " payments");
            }
        }
        figures.put("payment SMS sent", texted.values().stream().mapToLong(Long::longValue).sum());
        figures.put("payment SMS missing", missing);
        figures.put("payment SMS doubled", doubled);
    }

    /**
     * Every event in an outbox consumed exactly once by each consumer of its type: a consumer handles a type when
     * its inbox holds any event of that type (this run's or earlier); then each event of that type since the start
     * must have exactly one inbox row of that consumer (the inbox's key forbids a second).
     */
    private void eventsConsumedOnce() throws SQLException {
        Map<String, String> typeOfEvent = new HashMap<>();
        Set<String> recentEvents = new HashSet<>();
        long unsent = 0;
        for (String database : SERVICE_DATABASES) {
            query(database, "select event_id, envelope, created_at >= ? from messaging.outbox", row -> {
                String type = JSON.readTree(row.getString(2)).path("type").asString();
                typeOfEvent.put(row.getString(1), type);
                if (row.getBoolean(3)) {
                    recentEvents.add(row.getString(1));
                }
            });
            unsent += count(database, "select count(*) from messaging.outbox where sent_at is null and created_at >= ?"
                    + " and created_at < now() - interval '2 minutes'");
        }
        Map<String, Set<String>> consumed = new HashMap<>(); // consumer -> event ids
        Map<String, Set<String>> typesOfConsumer = new TreeMap<>();
        for (String database : SERVICE_DATABASES) {
            query(database, "select consumer, event_id from messaging.inbox", row -> {
                String type = typeOfEvent.get(row.getString(2));
                consumed.computeIfAbsent(row.getString(1), c -> new HashSet<>()).add(row.getString(2));
                if (type != null) {
                    typesOfConsumer.computeIfAbsent(row.getString(1), c -> new HashSet<>()).add(type);
                }
            });
        }
        long expected = 0;
        long lost = 0;
        for (Map.Entry<String, Set<String>> consumer : typesOfConsumer.entrySet()) {
            Set<String> inbox = consumed.get(consumer.getKey());
            for (String event : recentEvents) {
                if (consumer.getValue().contains(typeOfEvent.get(event))) {
                    expected++;
                    if (!inbox.contains(event)) {
                        lost++;
                        breaches.add(consumer.getKey() + " never applied " + typeOfEvent.get(event) + " " + event);
                    }
                }
            }
        }
        figures.put("events published through the outboxes", (long) recentEvents.size());
        figures.put("consumers (inbox) and the event types they apply", (long) typesOfConsumer.size());
        figures.put("deliveries owed (event × consumer of its type)", expected);
        figures.put("deliveries lost", lost);
        figures.put("events left unsent in an outbox past 2 minutes", unsent);
        if (unsent > 0) {
            breaches.add(unsent + " events still unsent in an outbox after 2 minutes");
        }
        long deadLetters = 0;
        for (String database : SERVICE_DATABASES) {
            deadLetters += count(database, "select count(*) from messaging.dead_letter where failed_at >= ?"
                    + " and replayed_at is null");
        }
        figures.put("dead letters", deadLetters);
        if (deadLetters > 0) {
            breaches.add(deadLetters + " events parked as dead letters");
        }
    }

    /** No identity check, order, refund or SMS stuck past its time limit. */
    private void nothingStuck() throws SQLException {
        stuck("identity checks pending for more than 5 minutes", "photo", "select count(*) from identity_check"
                + " where status = 'PENDING' and created_at >= ? and created_at < now() - interval '5 minutes'");
        stuck("orders pending 2 minutes past their expiry", "payment", "select count(*) from fee_order"
                + " where status = 'PENDING' and created_at >= ? and expires_at < now() - interval '2 minutes'");
        stuck("refunds pending for more than 5 minutes", "payment", "select count(*) from refund r join fee_order o"
                + " on o.id = r.order_id where r.status = 'PENDING' and o.created_at >= ?"
                + " and r.created_at < now() - interval '5 minutes'");
        stuck("SMS failed", "notification", "select count(*) from sms_delivery where status = 'FAILED'"
                + " and first_attempt_at >= ?");
    }

    private void stuck(String name, String database, String sql) throws SQLException {
        long found = count(database, sql);
        figures.put(name, found);
        if (found > 0) {
            breaches.add(found + " " + name);
        }
    }

    private interface Row {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String database, String sql, Row each) throws SQLException {
        try (Connection connection = connect(database);
                var statement = connection.prepareStatement(sql)) {
            if (sql.contains("?")) {
                statement.setTimestamp(1, Timestamp.from(since));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    each.read(rows);
                }
            }
        }
    }

    private long count(String database, String sql) throws SQLException {
        long[] found = { 0 };
        query(database, sql, row -> found[0] = row.getLong(1));
        return found[0];
    }

    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + StackTable.portOf("postgres") + "/"
                + database, "baokao", "baokao");
    }

    /** {@code ./baokao chaos check [SINCE]}: the checker alone, e.g. after a run was interrupted. */
    public static void main(String[] args) {
        Instant since = args.length > 0 ? Instant.parse(args[0]) : Instant.EPOCH;
        Report report = check(since);
        System.out.print(report.describe());
        System.exit(report.held() ? 0 : 1);
    }
}
