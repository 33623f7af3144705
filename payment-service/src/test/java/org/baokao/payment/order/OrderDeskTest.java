package org.baokao.payment.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baokao.payment.desk.OperatorCalls.auditRows;

import java.util.List;
import java.util.UUID;

import org.baokao.events.operator.OperatorActed;
import org.baokao.events.payment.PaymentRefunded;
import org.baokao.payment.PaymentJourney;
import org.baokao.payment.TestBureaus;
import org.baokao.payment.desk.OperatorCalls;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * OPS-3, the Orders desk (订单管理): a bureau's orders for finance, administrators and auditors; 重新查询银行 by finance
 * and administrators; 退款 by finance only, with a reason, through the channel's refund, once. Every refusal as the
 * brief asks: a role outside the desk 403, another bureau's operator 404 (at its own address and at ours), and each
 * change with its audit row in the outbox.
 */
@ServiceTest(sandbox = true)
class OrderDeskTest {

    static final String ORDERS = "/api/payments/operations/orders";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    OperatorCalls finance;
    OperatorCalls admin;
    OperatorCalls auditor;
    OperatorCalls city;
    OperatorCalls financeSh;
    PaymentJourney candidate;

    @BeforeEach
    void operators() {
        TestBureaus.configure(jdbc, TestBureaus.shanghai());
        finance = OperatorCalls.of(port, "finance-sd", "sd", "finance");
        admin = OperatorCalls.of(port, "operator", "sd", "bureau-admin");
        auditor = OperatorCalls.of(port, "auditor-sd", "sd", "auditor");
        city = OperatorCalls.cityOperator(port, "city-jinan", "sd", "3701");
        financeSh = OperatorCalls.of(port, "finance-sh", "sh", "finance");
        candidate = new PaymentJourney(port);
    }

    @AfterEach
    void punctualBank() {
        candidate.punctualBank();
    }

    /** OPS-3: the list is the bureau's, filtered and paged; detail shows the bank history. */
    @Test
    void financeListsTheBureausOrdersWithFiltersAndPagingAndSeesTheBankHistory_OPS3() {
        String paid = paidOrder(candidate, "3701");
        PaymentJourney second = new PaymentJourney(port);
        second.confirmed("3702");
        String created = second.awaitOrder().path("id").asString();
        PaymentJourney shanghai = new PaymentJourney(port, "sh");
        shanghai.confirmed("3101");
        String shOrder = shanghai.awaitOrder().path("id").asString();

        JsonNode byNumber = ok(finance.get(ORDERS + "?orderNo=" + PaymentJourney.bankOrderNo(paid))).json();
        assertThat(byNumber.path("total").asLong()).isEqualTo(1);
        JsonNode row = byNumber.path("items").get(0);
        assertThat(row.path("id").asString()).isEqualTo(paid);
        assertThat(row.path("statusName").asString()).isEqualTo("已缴费");
        assertThat(row.path("amountYuan").asString()).isEqualTo("80.00");
        assertThat(row.path("channelName").asString()).isEqualTo("中国光大银行");
        // the first 8 characters find it too, and so does the bank's trade number
        assertThat(ok(finance.get(ORDERS + "?orderNo=" + paid.substring(0, 8))).json().path("items").valueStream()
                .map(o -> o.path("id").asString()).toList()).contains(paid);
        String trade = row.path("bankTradeNo").asString();
        assertThat(ok(finance.get(ORDERS + "?orderNo=" + trade)).json().path("items").get(0).path("id").asString())
                .isEqualTo(paid);

        // filters combine: this candidate's paid orders are the one; the other status, none
        String mine = ORDERS + "?candidateId=" + candidate.candidateId;
        assertThat(ok(finance.get(mine + "&status=PAID&channel=CEB&exam=SD-ZSB-2026")).json().path("total")
                .asLong()).isEqualTo(1);
        assertThat(ok(finance.get(mine + "&status=EXPIRED")).json().path("total").asLong()).isZero();
        assertThat(ok(finance.get(mine + "&channel=UNIONPAY")).json().path("total").asLong()).isZero();
        String today = java.time.LocalDate.now(OrderFilter.BEIJING).toString();
        assertThat(ok(finance.get(mine + "&createdFrom=" + today + "&createdTo=" + today)).json().path("total")
                .asLong()).isEqualTo(1);
        assertThat(ok(finance.get(mine + "&createdFrom=2020-01-01&createdTo=2020-01-31")).json().path("total")
                .asLong()).isZero();

        // paging: one per page, newest first
        JsonNode page = ok(finance.get(ORDERS + "?size=1&page=0")).json();
        assertThat(page.path("items").size()).isEqualTo(1);
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.path("size").asInt()).isEqualTo(1);
        assertThat(finance.get(ORDERS + "?size=101").problemCode()).isEqualTo("INVALID_PAGE");
        assertThat(finance.get(ORDERS + "?status=LOST").problemCode()).isEqualTo("INVALID_STATUS");
        assertThat(finance.get(ORDERS + "?createdFrom=yesterday").problemCode()).isEqualTo("INVALID_DATE");

        // another bureau's order is not in the list, nor readable: 404 as an unknown one
        assertThat(ok(finance.get(ORDERS + "?orderNo=" + PaymentJourney.bankOrderNo(shOrder))).json().path("total")
                .asLong()).isZero();
        assertThat(finance.get(ORDERS + "/" + shOrder).status()).isEqualTo(404);
        assertThat(financeSh.get(ORDERS + "/" + paid).status()).isEqualTo(404);
        assertThat(financeSh.at("sd").get(ORDERS + "/" + paid).status()).isEqualTo(404);
        assertThat(ok(financeSh.get(ORDERS + "/" + shOrder)).json().path("order").path("bureau").asString())
                .isEqualTo("sh");

        // auditors and administrators read; a city operator's desk is not this one
        JsonNode detail = ok(auditor.get(ORDERS + "/" + paid)).json();
        assertThat(ok(admin.get(ORDERS + "/" + paid)).json().path("order").path("id").asString()).isEqualTo(paid);
        assertThat(city.get(ORDERS).status()).isEqualTo(403);
        assertThat(city.get(ORDERS + "/" + paid).problemCode()).isEqualTo("OPERATOR_ROLE_REQUIRED");

        assertThat(detail.path("items").size()).isEqualTo(2);
        assertThat(kinds(detail)).containsSubsequence("CREATED", "SENT_TO_BANK", "PAYMENT_NOTIFIED");
        assertThat(detail.path("canRefund").asBoolean()).isTrue();
        assertThat(detail.path("canRequery").asBoolean()).isTrue();
        JsonNode createdDetail = ok(finance.get(ORDERS + "/" + created)).json();
        assertThat(kinds(createdDetail)).containsExactly("CREATED");
        assertThat(createdDetail.path("canRequery").asBoolean()).isFalse();

        // the filters' choices: the bureau's exams and channels, for the desk's roles only
        assertThat(ok(finance.get(ORDERS + "/exams")).json().valueStream().map(e -> e.path("code").asString())
                .toList()).contains("SD-ZSB-2026");
        assertThat(ok(auditor.get("/api/payments/operations/channels")).json().valueStream()
                .map(c -> c.path("code").asString()).toList()).contains("CEB", "UNIONPAY");
        assertThat(ok(financeSh.get("/api/payments/operations/channels")).json().valueStream()
                .map(c -> c.path("code").asString()).toList()).containsExactly("PUBLIC_PAYMENT_PLATFORM");
        assertThat(city.get(ORDERS + "/exams").status()).isEqualTo(403);
        assertThat(city.get("/api/payments/operations/channels").status()).isEqualTo(403);
    }

    /** OPS-3: 重新查询银行 records the payment the bank reports when its notification was lost, and is audited. */
    @Test
    void reQueryingTheBankRecordsALostPaymentAndIsAudited_OPS3() {
        candidate.bankBehaviour("{\"dropNotifications\":true}");
        String orderId = pendingOrder(candidate, "3701");
        candidate.payAtBank("CEB", orderId);

        assertThat(auditor.post(ORDERS + "/" + orderId + "/requery", null).problemCode())
                .isEqualTo("OPERATOR_ROLE_REQUIRED");
        assertThat(city.post(ORDERS + "/" + orderId + "/requery", null).status()).isEqualTo(403);
        assertThat(financeSh.post(ORDERS + "/" + orderId + "/requery", null).status()).isEqualTo(404);
        assertThat(financeSh.at("sd").post(ORDERS + "/" + orderId + "/requery", null).status()).isEqualTo(404);
        assertThat(auditRows(jdbc, "order.requery", orderId)).as("refused calls audit nothing").isZero();
        assertThat(candidate.order(orderId).path("status").asString()).isEqualTo("PENDING");

        JsonNode detail = ok(admin.post(ORDERS + "/" + orderId + "/requery", null)).json();

        assertThat(detail.path("order").path("status").asString()).isEqualTo("PAID");
        assertThat(kinds(detail)).contains("OPERATOR_QUERY", "PAYMENT_QUERIED")
                .as("the operator's query is the order's last query, shown once").doesNotContain("BACKGROUND_QUERY");
        JsonNode query = detail.path("history").valueStream().filter(e -> e.path("kind").asString()
                .equals("OPERATOR_QUERY")).findFirst().orElseThrow();
        assertThat(query.path("by").asString()).isEqualTo("operator");
        assertThat(query.path("detail").asString()).contains("已支付").contains("已据此记为已缴费");
        assertThat(auditRows(jdbc, "order.requery", orderId)).isEqualTo(1);
        List<OperatorActed> acted = KafkaEvents.ofTestServers().matching(OperatorActed.class,
                a -> a.subjectId().equals(orderId) && a.action().equals("order.requery"), 1);
        assertThat(acted).singleElement().satisfies(a -> {
            assertThat(a.bureau()).isEqualTo("sd");
            assertThat(a.operatorUsername()).isEqualTo("operator");
            assertThat(a.details()).containsEntry("tradeStatus", "SUCCESS").containsEntry("outcome", "SETTLED");
        });

        // an order never sent to the bank has nothing to ask about
        PaymentJourney other = new PaymentJourney(port);
        other.confirmed("3701");
        String notSent = other.awaitOrder().path("id").asString();
        assertThat(finance.post(ORDERS + "/" + notSent + "/requery", null).problemCode())
                .isEqualTo("ORDER_NOT_AT_BANK");
    }

    /**
     * OPS-3: 退款 is finance's alone, with a reason; the paid order is refunded at the bank once however often it is
     * asked, PaymentRefunded is published once (enrollment-service takes the enrollment back to unpaid), and the
     * audit row carries the reason.
     */
    @Test
    void financeRefundsAPaidOrderOnceWithAReasonThroughTheChannel_OPS3() {
        String orderId = paidOrder(candidate, "3701");
        String refund = ORDERS + "/" + orderId + "/refund";
        String reason = "{\"reason\":\"考生申请退考，经审批同意退费\"}";

        assertThat(admin.post(refund, reason).problemCode()).isEqualTo("OPERATOR_ROLE_REQUIRED");
        assertThat(auditor.post(refund, reason).status()).isEqualTo(403);
        assertThat(city.post(refund, reason).status()).isEqualTo(403);
        assertThat(financeSh.post(refund, reason).status()).isEqualTo(404);
        assertThat(financeSh.at("sd").post(refund, reason).status()).isEqualTo(404);
        assertThat(finance.post(refund, "{\"reason\":\"  \"}").problemCode()).isEqualTo("REASON_REQUIRED");
        assertThat(finance.post(refund, null).problemCode()).isEqualTo("REASON_REQUIRED");
        assertThat(candidate.order(orderId).path("status").asString()).as("nothing refused changed anything")
                .isEqualTo("PAID");
        assertThat(auditRows(jdbc, "order.refund", orderId)).isZero();

        JsonNode refunded = ok(finance.post(refund, reason)).json();

        assertThat(refunded.path("order").path("status").asString()).isEqualTo("REFUNDED");
        assertThat(refunded.path("canRefund").asBoolean()).isFalse();
        assertThat(refunded.path("refunds")).singleElement().satisfies(r -> {
            assertThat(r.path("reason").asString()).isEqualTo("OPERATOR_REFUND");
            assertThat(r.path("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(r.path("note").asString()).isEqualTo("考生申请退考，经审批同意退费");
            assertThat(r.path("requestedByName").asString()).isEqualTo("finance-sd");
            assertThat(r.path("amountFen").asLong()).isEqualTo(8000);
        });
        assertThat(kinds(refunded)).containsSubsequence("PAYMENT_NOTIFIED", "REFUND_REQUESTED", "REFUNDED");
        assertThat(refunded.path("history").valueStream().filter(e -> e.path("kind").asString()
                .equals("PAYMENT_NOTIFIED")).findFirst().orElseThrow().path("detail").asString())
                .as("the payment paid the order when it came; the refund is its own entry").contains("订单记为已缴费");
        assertThat(candidate.bankOrder("CEB", orderId).path("refundedFen").asLong()).as("refunded at the bank")
                .isEqualTo(8000);

        // again: the same answer, nothing more refunded, audited or announced
        JsonNode again = ok(finance.post(refund, "{\"reason\":\"再次退款\"}")).json();
        assertThat(again.path("order").path("status").asString()).isEqualTo("REFUNDED");
        assertThat(again.path("refunds").size()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from refund where order_id = ?::uuid").param(orderId).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(candidate.bankOrder("CEB", orderId).path("refundedFen").asLong()).isEqualTo(8000);
        assertThat(auditRows(jdbc, "order.refund", orderId)).isEqualTo(1);
        List<PaymentRefunded> announced = KafkaEvents.ofTestServers().matching(PaymentRefunded.class,
                e -> e.orderId().toString().equals(orderId), 1);
        assertThat(announced).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("OPERATOR_REFUND");
            assertThat(e.enrollmentId()).isEqualTo(candidate.enrollmentId);
        });
        assertThat(KafkaEvents.ofTestServers().matching(OperatorActed.class,
                a -> a.subjectId().equals(orderId) && a.action().equals("order.refund"), 1))
                .singleElement().satisfies(a -> {
                    assertThat(a.reason()).isEqualTo("考生申请退考，经审批同意退费");
                    assertThat(a.details()).containsEntry("amountFen", "8000");
                    assertThat(a.subjectLabel()).contains(PaymentJourney.bankOrderNo(orderId)).contains("80.00");
                });

        // only a paid order is refunded
        PaymentJourney other = new PaymentJourney(port);
        other.confirmed("3701");
        String unpaid = other.awaitOrder().path("id").asString();
        assertThat(finance.post(ORDERS + "/" + unpaid + "/refund", reason).problemCode())
                .isEqualTo("ORDER_NOT_REFUNDABLE");
        assertThat(auditRows(jdbc, "order.refund", unpaid)).isZero();
    }

    private static List<String> kinds(JsonNode detail) {
        return detail.path("history").valueStream().map(e -> e.path("kind").asString()).toList();
    }

    private static Answer ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    static String pendingOrder(PaymentJourney candidate, String location) {
        candidate.confirmed(location);
        String orderId = candidate.awaitOrder().path("id").asString();
        assertThat(candidate.pay(orderId, UUID.randomUUID().toString()).status()).isEqualTo(200);
        return orderId;
    }

    static String paidOrder(PaymentJourney candidate, String location) {
        String orderId = pendingOrder(candidate, location);
        candidate.payAtBank("CEB", orderId);
        candidate.awaitStatus(orderId, "PAID");
        return orderId;
    }
}
