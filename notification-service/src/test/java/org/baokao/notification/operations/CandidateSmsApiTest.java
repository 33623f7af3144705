package org.baokao.notification.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.baokao.events.notification.SmsRequested;
import org.baokao.notification.NotificationServiceTest;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.TestServers;
import org.baokao.web.bureau.BureauAddress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * OPS-3 考生查询: a candidate's SMS history for the Candidates desk: bureau-wide roles only (this service cannot tell a
 * candidate's city or university: 403 to the scoped roles), each bureau's own SMS only, never the text or the code.
 */
@NotificationServiceTest
class CandidateSmsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theBureausAdministratorsAndAuditorsReadTheirBureausSmsOfACandidate() {
        UUID candidate = UUID.randomUUID();
        String phone = "139" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
        String code = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
        UUID shandong = UUID.randomUUID();
        UUID shanghai = UUID.randomUUID();
        KafkaEvents.ofTestServers().publish(new SmsRequested(shandong, candidate, phone, "VERIFICATION_CODE",
                Map.of("code", code, "minutes", "5"), Instant.now(), "sd"));
        KafkaEvents.ofTestServers().publish(new SmsRequested(shanghai, candidate, phone, "VERIFICATION_CODE",
                Map.of("code", code, "minutes", "5"), Instant.now(), "sh"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from sms_delivery where candidate_id = ?").param(candidate).query(Long.class)
                .single() == 2);

        Answer admin = get("sd", candidate, token("sd", "bureau-admin", Map.of()));
        assertThat(admin.status()).as(admin.body()).isEqualTo(200);
        assertThat(admin.json().size()).isEqualTo(1);
        assertThat(admin.json().get(0).path("requestId").asString()).isEqualTo(shandong.toString());
        assertThat(admin.json().get(0).path("template").asString()).isEqualTo("VERIFICATION_CODE");
        assertThat(admin.json().get(0).path("maskedPhone").asString()).startsWith("139****");
        assertThat(admin.body()).doesNotContain(phone).doesNotContain(code);
        assertThat(get("sd", candidate, token("sd", "auditor", Map.of())).json().size()).isEqualTo(1);

        Answer shanghaiAdmin = get("sh", candidate, token("sh", "bureau-admin", Map.of()));
        assertThat(shanghaiAdmin.json().size()).isEqualTo(1);
        assertThat(shanghaiAdmin.json().get(0).path("requestId").asString()).isEqualTo(shanghai.toString());
        assertThat(get("sd", candidate, token("sh", "bureau-admin", Map.of())).status())
                .as("another bureau's operator at Shandong's address").isEqualTo(404);

        for (var scoped : new String[][] { { "city-operator", "city", "3701" },
                { "university-reviewer", "university", "10246" }, { "finance", "x", "y" } }) {
            Answer refused = get("sd", candidate, token("sd", scoped[0], Map.of(scoped[1], scoped[2])));
            assertThat(refused.status()).as(scoped[0]).isEqualTo(403);
            assertThat(refused.problemCode()).isEqualTo("OPERATOR_ROLE_REQUIRED");
        }
    }

    private static String token(String bureau, String role, Map<String, Object> attributes) {
        return TestServers.issuer().operatorToken(role + "-" + UUID.randomUUID(), bureau, attributes, role);
    }

    private Answer get(String bureau, UUID candidateId, String token) {
        HttpProbe http = HttpProbe.onLocalPort(port);
        return http.send(http.request("/api/notifications/operations/candidates/" + candidateId + "/sms")
                .header(BureauAddress.HEADER, bureau).header("Authorization", "Bearer " + token).GET());
    }
}
