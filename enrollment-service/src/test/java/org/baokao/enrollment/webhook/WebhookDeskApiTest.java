package org.baokao.enrollment.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baokao.enrollment.webhook.WebhookFixtures.DEMO;
import static org.baokao.enrollment.webhook.WebhookFixtures.ISSUER;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.baokao.enrollment.exam.ExamConfigurations;
import org.baokao.enrollment.exam.OperatorAuditRows;
import org.baokao.events.operator.OperatorActed;
import org.baokao.testkit.Eventually;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.ServiceTest;
import org.baokao.web.bureau.BureauAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * API-2, OPS-3: the console's Webhook 投递 desk. A Shandong partner's delivery that died while its endpoint was
 * down: Shandong's administrator lists it (without the body) and redelivers it with a reason, audited; the auditor
 * reads but does not redeliver; Shanghai's administrator neither sees nor redelivers it; other roles are refused.
 */
@ServiceTest
class WebhookDeskApiTest {

    private static final String DESK = "/api/enrollments/operations/webhooks";
    private static final String ADMIN = ISSUER.operatorToken("admin-sd", "sd", Map.of(), "bureau-admin");
    private static final String AUDITOR = ISSUER.operatorToken("auditor-sd", "sd", Map.of(), "auditor");
    private static final String FINANCE = ISSUER.operatorToken("finance-sd", "sd", Map.of(), "finance");
    private static final String ADMIN_SH = ISSUER.operatorToken("admin-sh", "sh", Map.of(), "bureau-admin");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ExamConfigurations exams;

    WebhookFixtures fixtures;
    HttpProbe http;
    PartnerEndpoint endpoint;

    @BeforeEach
    void setUp() {
        http = HttpProbe.onLocalPort(port);
        fixtures = new WebhookFixtures(http, jdbc, exams);
        endpoint = PartnerEndpoint.start();
    }

    @AfterEach
    void tearDown() {
        fixtures.forgetSubscriptions();
        endpoint.close();
    }

    @Test
    void theBureausAdministratorRedeliversADeadDeliveryWithAReasonAudited() {
        fixtures.registered(DEMO, endpoint.url());
        endpoint.closeConnections();
        UUID eventId = WebhookFixtures.confirmed(fixtures.confirmedEnrollment(fixtures.exam("sd")));
        JsonNode dead = Eventually.value("the dead delivery on the desk", () -> {
            for (JsonNode item : get(DESK + "/deliveries?status=dead", ADMIN, "sd").json().path("items")) {
                if (item.path("eventId").asString().equals(eventId.toString())) {
                    return item;
                }
            }
            return null;
        });
        String id = dead.path("id").asString();
        assertThat(dead.path("partner").asString()).isEqualTo("partner-demo");
        assertThat(dead.path("partnerName").asString()).isEqualTo("江苏省教育考试院");
        assertThat(dead.path("eventType").asString()).isEqualTo("enrollment.confirmed");
        assertThat(dead.path("url").asString()).isEqualTo(endpoint.url());
        assertThat(dead.path("attemptCount").asInt()).isEqualTo(4);
        assertThat(dead.path("attempts")).hasSize(4);
        assertThat(dead.path("payload").isNull()).as("operators do not read the body").isTrue();

        // Shanghai's administrator: not theirs, as if absent
        assertThat(get(DESK + "/deliveries", ADMIN_SH, "sh").body()).doesNotContain(id);
        Answer shanghai = redeliver(id, ADMIN_SH, "sh", "{}");
        assertThat(shanghai.status()).isEqualTo(404);
        assertThat(shanghai.problemCode()).isEqualTo("DELIVERY_NOT_FOUND");
        // the auditor reads, does not redeliver; finance has no business here
        assertThat(get(DESK + "/deliveries?status=dead", AUDITOR, "sd").body()).contains(id);
        assertThat(redeliver(id, AUDITOR, "sd", "{}").problemCode()).isEqualTo("OPERATOR_ROLE_REQUIRED");
        assertThat(get(DESK + "/deliveries", FINANCE, "sd").problemCode()).isEqualTo("OPERATOR_ROLE_REQUIRED");
        assertThat(get(DESK + "/deliveries", DEMO, "sd").status()).isEqualTo(403);
        assertThat(OperatorAuditRows.about(jdbc, id)).isEmpty();

        endpoint.recover();
        Answer redelivered = redeliver(id, ADMIN, "sd", "{\"reason\": \"合作方接口已恢复，重新投递\"}");

        assertThat(redelivered.status()).as(redelivered.body()).isEqualTo(200);
        assertThat(redelivered.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(endpoint.awaitDelivered(eventId).deliveryId()).isEqualTo(id);
        Eventually.value("delivered on the desk", () -> get(DESK + "/deliveries?status=delivered", ADMIN, "sd")
                .body().contains(id) ? true : null);
        List<OperatorActed> audited = OperatorAuditRows.about(jdbc, id);
        assertThat(audited).hasSize(1);
        OperatorActed acted = audited.getFirst();
        assertThat(acted.action()).isEqualTo("webhook-delivery.redeliver");
        assertThat(acted.subjectType()).isEqualTo("webhook-delivery");
        assertThat(acted.bureau()).isEqualTo("sd");
        assertThat(acted.operatorUsername()).isEqualTo("admin-sd");
        assertThat(acted.reason()).isEqualTo("合作方接口已恢复，重新投递");
        assertThat(acted.subjectLabel()).isEqualTo("enrollment.confirmed → 江苏省教育考试院");
        assertThat(acted.details()).containsEntry("partner", "partner-demo")
                .containsEntry("eventId", eventId.toString()).containsEntry("previousStatus", "DEAD")
                .containsEntry("attempts", "4");

        // already on its way again or delivered: a second one while queued is refused, a refused one not audited
        Answer tooLong = redeliver(id, ADMIN, "sd", "{\"reason\": \"" + "长".repeat(201) + "\"}");
        assertThat(tooLong.problemCode()).isEqualTo("REASON_TOO_LONG");
        assertThat(OperatorAuditRows.about(jdbc, id)).hasSize(1);
    }

    @Test
    void theDeskFiltersByStatusAndPartnerAndNamesTheBureausPartners() {
        fixtures.registered(DEMO, endpoint.url());
        UUID eventId = WebhookFixtures.confirmed(fixtures.confirmedEnrollment(fixtures.exam("sd")));
        endpoint.awaitDelivered(eventId);

        JsonNode partners = get(DESK + "/partners", ADMIN, "sd").json();
        assertThat(partners.toString()).contains("partner-demo", "江苏省教育考试院", "partner-zj");
        assertThat(get(DESK + "/partners", ADMIN_SH, "sh").json()).isEmpty();

        JsonNode mine = Eventually.value("listed", () -> {
            JsonNode page = get(DESK + "/deliveries?partner=partner-demo&status=delivered", ADMIN, "sd").json();
            return page.path("items").toString().contains(eventId.toString()) ? page : null;
        });
        assertThat(mine.path("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(get(DESK + "/deliveries?partner=partner-zj", ADMIN, "sd").body()).doesNotContain(eventId.toString());
        assertThat(get(DESK + "/deliveries?status=pending", ADMIN, "sd").body()).doesNotContain(eventId.toString());
        assertThat(get(DESK + "/deliveries?status=sent", ADMIN, "sd").problemCode()).isEqualTo("DELIVERY_STATUS_INVALID");
    }

    private Answer get(String path, String token, String bureau) {
        return http.send(http.request(path).header("Authorization", "Bearer " + token)
                .header(BureauAddress.HEADER, bureau).GET());
    }

    private Answer redeliver(String id, String token, String bureau, String json) {
        return http.send(http.request(DESK + "/deliveries/" + id + "/redeliver")
                .header("Authorization", "Bearer " + token).header(BureauAddress.HEADER, bureau)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }
}
