package org.baokao.payment.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baokao.payment.desk.OperatorCalls.auditRows;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.baokao.events.operator.OperatorActed;
import org.baokao.payment.PaymentJourney;
import org.baokao.payment.TestBureaus;
import org.baokao.payment.desk.OperatorCalls;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.ServiceTest;
import org.baokao.web.bureau.BureauAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * OPS-3, the Reconciliation desk (对账): finance and administrators run or upload a statement of their bureau's
 * channels and resolve discrepancies with a note; auditors read; each change audited. A bureau sees the
 * discrepancies about its own orders and those about no known order on its channels, never another bureau's.
 */
@ServiceTest(sandbox = true)
class ReconciliationDeskTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final String DISCREPANCIES = "/api/payments/operations/discrepancies";
    static final String RUNS = "/api/payments/operations/reconciliations";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    OperatorCalls financeSd;
    OperatorCalls adminSd;
    OperatorCalls auditorSd;
    OperatorCalls citySd;
    OperatorCalls financeSh;

    @BeforeEach
    void operators() {
        TestBureaus.configure(jdbc, TestBureaus.shanghai());
        financeSd = OperatorCalls.of(port, "finance-sd", "sd", "finance");
        adminSd = OperatorCalls.of(port, "operator", "sd", "bureau-admin");
        auditorSd = OperatorCalls.of(port, "auditor-sd", "sd", "auditor");
        citySd = OperatorCalls.cityOperator(port, "city-jinan", "sd", "3701");
        financeSh = OperatorCalls.of(port, "finance-sh", "sh", "finance");
    }

    /** OPS-3: running the day's statement from the desk is audited and listed among the runs; auditors only read. */
    @Test
    void financeRunsTheDailyStatementFromTheDeskAuditedAndListed_OPS3() {
        String run = RUNS + "/UNIONPAY/" + TODAY;
        assertThat(auditorSd.post(run, null).problemCode()).isEqualTo("OPERATOR_ROLE_REQUIRED");
        assertThat(citySd.post(run, null).status()).isEqualTo(403);
        assertThat(financeSh.post(run, null).problemCode()).as("not a channel of Shanghai's")
                .isEqualTo("UNKNOWN_CHANNEL");
        assertThat(financeSh.at("sd").post(run, null).status()).isEqualTo(404);

        Answer ran = financeSd.post(run, null);

        assertThat(ran.status()).as(ran.body()).isEqualTo(200);
        String importId = ran.json().path("importId").asString();
        assertThat(auditRows(jdbc, "reconciliation.run", importId)).isEqualTo(1);
        assertThat(KafkaEvents.ofTestServers().matching(OperatorActed.class,
                a -> a.subjectId().equals(importId), 1)).singleElement().satisfies(a -> {
                    assertThat(a.action()).isEqualTo("reconciliation.run");
                    assertThat(a.details()).containsEntry("channel", "UNIONPAY").containsEntry("source", "BANK");
                });
        JsonNode runs = auditorSd.get(RUNS + "?size=100").json();
        JsonNode listed = runs.path("items").valueStream().filter(r -> r.path("id").asString().equals(importId))
                .findFirst().orElseThrow();
        assertThat(listed.path("operatorName").asString()).isEqualTo("finance-sd");
        assertThat(listed.path("sourceName").asString()).isEqualTo("工作人员执行对账");
        assertThat(listed.path("channelName").asString()).isEqualTo("中国银联");
        // Shanghai's desk lists only its own channel's runs
        assertThat(financeSh.get(RUNS + "?size=100").json().path("items").valueStream()
                .map(r -> r.path("channel").asString()).distinct().toList())
                .doesNotContain("UNIONPAY", "CEB");
        assertThat(citySd.get(RUNS).status()).isEqualTo(403);
    }

    /**
     * OPS-3: a discrepancy about a Shanghai order is Shanghai's: Shandong neither lists nor resolves it (404); a
     * Shanghai finance officer resolves it with a note, once, audited with the note. Auditors read but do not
     * resolve; a note is required.
     */
    @Test
    void aBureausDiscrepancyIsResolvedWithANoteByItsOwnFinanceOnly_OPS3() {
        PaymentJourney candidate = new PaymentJourney(port, "sh");
        candidate.confirmed("3101");
        String orderId = candidate.awaitOrder().path("id").asString();
        assertThat(candidate.pay(orderId, "first").status()).isEqualTo(200);
        candidate.payAtBank("PUBLIC_PAYMENT_PLATFORM", orderId);
        candidate.awaitStatus(orderId, "PAID");
        String trade = candidate.order(orderId).path("bankTradeNo").asString();
        String csv = "type,bankTradeNo,orderNo,amountFen,time,refundNo\n"
                + "PAY," + trade + "," + PaymentJourney.bankOrderNo(orderId) + ",7000," + Instant.now() + ",\n";

        Answer uploaded = uploadFile(financeSh, "PUBLIC_PAYMENT_PLATFORM", csv);

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        assertThat(auditRows(jdbc, "reconciliation.run", uploaded.json().path("importId").asString())).isEqualTo(1);
        JsonNode found = byTrade(financeSh, trade);
        assertThat(found.path("kind").asString()).isEqualTo("AMOUNT_MISMATCH");
        assertThat(found.path("bankAmountYuan").asString()).isEqualTo("70.00");
        assertThat(found.path("orderAmountYuan").asString()).isEqualTo("80.00");
        String id = found.path("id").asString();
        assertThat(financeSd.get(DISCREPANCIES + "?status=ALL&size=100").json().path("items").valueStream()
                .map(d -> d.path("id").asString()).toList()).as("not Shandong's").doesNotContain(id);

        String resolve = DISCREPANCIES + "/" + id + "/resolve";
        String note = "{\"resolution\":\"银行对账单金额有误，已与银行核实为80.00元\"}";
        assertThat(financeSd.post(resolve, note).problemCode()).isEqualTo("DISCREPANCY_NOT_FOUND");
        assertThat(financeSh.at("sd").post(resolve, note).status()).isEqualTo(404);
        assertThat(OperatorCalls.of(port, "auditor-sh", "sh", "auditor").post(resolve, note).problemCode())
                .isEqualTo("OPERATOR_ROLE_REQUIRED");
        assertThat(OperatorCalls.cityOperator(port, "city-x", "sh", "3101").post(resolve, note).status())
                .isEqualTo(403);
        assertThat(financeSh.post(resolve, "{\"resolution\":\"\"}").problemCode()).isEqualTo("REASON_REQUIRED");
        assertThat(auditRows(jdbc, "discrepancy.resolve", id)).isZero();

        Answer resolved = financeSh.post(resolve, note);

        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().path("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.json().path("resolvedByName").asString()).isEqualTo("finance-sh");
        assertThat(resolved.json().path("resolution").asString()).isEqualTo("银行对账单金额有误，已与银行核实为80.00元");
        assertThat(financeSh.post(resolve, note).problemCode()).isEqualTo("DISCREPANCY_RESOLVED");
        assertThat(auditRows(jdbc, "discrepancy.resolve", id)).isEqualTo(1);
        assertThat(KafkaEvents.ofTestServers().matching(OperatorActed.class,
                a -> a.subjectId().equals(id), 1)).singleElement().satisfies(a -> {
                    assertThat(a.bureau()).isEqualTo("sh");
                    assertThat(a.reason()).isEqualTo("银行对账单金额有误，已与银行核实为80.00元");
                    assertThat(a.details()).containsEntry("kind", "AMOUNT_MISMATCH");
                });
        // the order's bank history shows it
        JsonNode history = financeSh.get("/api/payments/operations/orders/" + orderId).json().path("history");
        assertThat(history.valueStream().map(e -> e.path("kind").asString()).toList()).contains("DISCREPANCY");
    }

    /** OPS-3: a trade for an order number we do not know is shown to the bureaus using that channel, not others. */
    @Test
    void aDiscrepancyAboutNoKnownOrderIsSeenByTheBureausOfItsChannel_OPS3() {
        String stranger = "UP-UNKNOWN-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = "type,bankTradeNo,orderNo,amountFen,time,refundNo\n"
                + "PAY," + stranger + ",0123456789abcdef0123456789abcdef,5000," + Instant.now() + ",\n";
        assertThat(adminSd.postCsv(RUNS + "/UNIONPAY/" + TODAY + "/statement", csv).status()).isEqualTo(200);

        JsonNode found = byTrade(auditorSd, stranger);
        assertThat(found.path("kind").asString()).isEqualTo("PAID_AT_BANK_NOT_HERE");
        assertThat(financeSh.get(DISCREPANCIES + "?status=ALL&size=100").json().path("items").valueStream()
                .map(d -> d.path("bankTradeNo").asString()).toList()).doesNotContain(stranger);
        assertThat(auditorSd.post(DISCREPANCIES + "/" + found.path("id").asString() + "/resolve",
                "{\"resolution\":\"看看\"}").status()).isEqualTo(403);
        assertThat(auditorSd.get(DISCREPANCIES + "?size=0").problemCode()).isEqualTo("INVALID_PAGE");
        assertThat(citySd.get(DISCREPANCIES).status()).isEqualTo(403);
    }

    private static JsonNode byTrade(OperatorCalls operator, String trade) {
        Answer answer = operator.get(DISCREPANCIES + "?status=OPEN&size=100");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<JsonNode> matching = answer.json().path("items").valueStream()
                .filter(d -> d.path("bankTradeNo").asString().equals(trade)).toList();
        assertThat(matching).as(answer.body()).hasSize(1);
        return matching.getFirst();
    }

    /** The console's way: the statement file as multipart part {@code file}. */
    private static Answer uploadFile(OperatorCalls operator, String channel, String csv) {
        String boundary = "----baokao" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"statement.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return operator.http().send(operator.http().request(RUNS + "/" + channel + "/" + TODAY + "/statement")
                .header("Authorization", "Bearer " + operator.token())
                .header(BureauAddress.HEADER, operator.address())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }
}
