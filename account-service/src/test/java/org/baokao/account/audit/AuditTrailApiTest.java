package org.baokao.account.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.baokao.account.account.Accounts;
import org.baokao.account.support.ClientCalls;
import org.baokao.account.support.DemoBureaus;
import org.baokao.account.support.TestAccounts;
import org.baokao.events.operator.OperatorActed;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * OPS-3 审计日志: every OperatorActed on operator.actions is kept once, and the bureau's auditors and administrators
 * search it, their own bureau's only; other roles are refused.
 */
@ServiceTest
class AuditTrailApiTest {

    static final String PATH = "/api/accounts/operations/audit";
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;

    static String token(String bureau, String role) {
        return TestServers.issuer().operatorToken(role + "-" + UUID.randomUUID(), bureau, Map.of(), role);
    }

    @Test
    void eachActionIsKeptOnceAndFoundByItsFilters() {
        String operator = "refunder-" + UUID.randomUUID();
        String orderId = UUID.randomUUID().toString();
        Instant actedAt = Instant.parse("2026-03-05T02:00:00Z");
        OperatorActed refund = acted(DemoBureaus.SD, operator, "order.refund", "order", orderId, "考生重复缴费", actedAt);
        KafkaEvents.ofTestServers().publish(refund);
        KafkaEvents.ofTestServers().publish(refund); // the same action delivered again (another event id)
        OperatorActed other = acted(DemoBureaus.SD, operator, "order.requery", "order", orderId, null,
                actedAt.plusSeconds(60));
        KafkaEvents.ofTestServers().publish(other);
        OperatorActed shanghai = acted(DemoBureaus.SH, operator, "order.refund", "order", orderId, "上海",
                actedAt.plusSeconds(120));
        KafkaEvents.ofTestServers().publish(shanghai);
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(operator) == 3);
        assertThat(rows(operator)).as("one row per action id").isEqualTo(3);

        String auditor = token(DemoBureaus.SD, "auditor");
        var mine = get(DemoBureaus.SD, PATH + "?operatorUsername=" + operator, auditor);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().path("total").asLong()).as("only Shandong's").isEqualTo(2);
        assertThat(mine.json().path("page").asInt()).isZero();
        assertThat(mine.json().path("size").asInt()).isEqualTo(20);
        var newest = mine.json().path("items").get(0);
        assertThat(newest.path("action").asString()).isEqualTo("order.requery");
        var refundRow = mine.json().path("items").get(1);
        assertThat(refundRow.path("actionId").asString()).isEqualTo(refund.actionId().toString());
        assertThat(refundRow.path("reason").asString()).isEqualTo("考生重复缴费");
        assertThat(refundRow.path("subjectLabel").asString()).isEqualTo("张* 37**************12");
        assertThat(refundRow.path("details").path("amount").asString()).isEqualTo("100.00");
        assertThat(refundRow.path("operatorRoles").toString()).contains("finance");

        assertThat(total(PATH + "?operatorUsername=" + operator + "&action=order.refund", auditor)).isEqualTo(1);
        assertThat(total(PATH + "?subjectType=order&subjectId=" + orderId, auditor)).isEqualTo(2);
        String day = LocalDate.ofInstant(actedAt, BEIJING).toString();
        String dayAfter = LocalDate.ofInstant(actedAt, BEIJING).plusDays(1).toString();
        assertThat(total(PATH + "?subjectId=" + orderId + "&from=" + day + "&to=" + day, auditor)).isEqualTo(2);
        assertThat(total(PATH + "?subjectId=" + orderId + "&from=" + dayAfter, auditor)).isZero();
        var paged = get(DemoBureaus.SD, PATH + "?subjectId=" + orderId + "&size=1&page=1", auditor);
        assertThat(paged.json().path("items").size()).isEqualTo(1);
        assertThat(paged.json().path("items").get(0).path("action").asString()).isEqualTo("order.refund");

        assertThat(total(PATH + "?subjectId=" + orderId, token(DemoBureaus.SD, "bureau-admin"))).isEqualTo(2);
        var shanghaiAuditor = get(DemoBureaus.SH, PATH + "?subjectId=" + orderId, token(DemoBureaus.SH, "auditor"));
        assertThat(shanghaiAuditor.json().path("total").asLong()).isEqualTo(1);
        assertThat(shanghaiAuditor.body()).doesNotContain(refund.actionId().toString());
    }

    @Test
    void onlyAuditorsAndAdministratorsSearchAndOnlyTheirBureaus() {
        for (String role : List.of("finance", "city-operator", "university-reviewer")) {
            var refused = get(DemoBureaus.SD, PATH, token(DemoBureaus.SD, role));
            assertThat(refused.status()).as(role).isEqualTo(403);
            assertThat(refused.problemCode()).isEqualTo("OPERATOR_ROLE_REQUIRED");
        }
        assertThat(get(DemoBureaus.SD, PATH, token(DemoBureaus.SH, "auditor")).status())
                .as("another bureau's auditor at Shandong's address").isEqualTo(404);
        String candidate = TestServers.issuer().candidateTokenOf(DemoBureaus.SD, UUID.randomUUID().toString());
        assertThat(get(DemoBureaus.SD, PATH, candidate).status()).isEqualTo(403);
        var badDate = get(DemoBureaus.SD, PATH + "?from=2026-13-01", token(DemoBureaus.SD, "auditor"));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.problemCode()).isEqualTo("DATE_INVALID");
        assertThat(get(DemoBureaus.SD, PATH + "?from=2026-03-05&to=2026-03-04", token(DemoBureaus.SD, "auditor"))
                .problemCode()).isEqualTo("DATE_RANGE_INVALID");
    }

    @Test
    void aRevealAtTheCandidatesDeskReachesTheTrailWithItsReason() {
        var account = TestAccounts.create(accounts, encoder, false);
        String admin = TestServers.issuer().operatorToken("reveal-" + UUID.randomUUID(), DemoBureaus.SD, Map.of(),
                "bureau-admin");
        var revealed = ClientCalls.postTo(DemoBureaus.SD, port,
                "/api/accounts/operations/candidates/" + account.id() + "/reveal", "{\"reason\":\"核对考生身份\"}", admin);
        assertThat(revealed.status()).isEqualTo(200);

        String auditor = token(DemoBureaus.SD, "auditor");
        String search = PATH + "?action=candidate.reveal&subjectType=candidate&subjectId=" + account.id();
        await().atMost(Duration.ofSeconds(30)).until(() -> total(search, auditor) == 1);
        var row = get(DemoBureaus.SD, search, auditor).json().path("items").get(0);
        assertThat(row.path("reason").asString()).isEqualTo("核对考生身份");
        assertThat(row.path("service").asString()).isEqualTo("account-service");
        assertThat(row.path("subjectLabel").asString()).isEqualTo("张* " + account.idNumber().substring(0, 2)
                + "*".repeat(14) + account.idNumber().substring(16));
    }

    private static OperatorActed acted(String bureau, String operator, String action, String subjectType,
            String subjectId, String reason, Instant at) {
        return new OperatorActed(UUID.randomUUID(), bureau, "sub-" + operator, operator, "财务甲",
                List.of("finance", "operator"), "payment-service", action, subjectType, subjectId,
                "张* 37**************12", reason, Map.of("amount", "100.00"), at);
    }

    private long rows(String operator) {
        return jdbc.sql("select count(*) from operator_action where operator_username = ?").param(operator)
                .query(Long.class).single();
    }

    private long total(String path, String token) {
        return get(DemoBureaus.SD, path, token).json().path("total").asLong();
    }

    private HttpProbe.Answer get(String bureau, String path, String token) {
        return ClientCalls.getAt(bureau, port, path, token);
    }
}
