package org.baokao.enrollment.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.junit.jupiter.api.Test;

/** API-2's plain rules: endpoint addresses, secrets and their overlap, the retry schedule, payloads, cursors. */
class WebhookRulesTest {

    @Test
    void anEndpointIsHttpsOrLoopbackHttpWhereAllowed() {
        assertThat(WebhookUrl.check("https://partner.example.cn/hooks?x=1", false).toString())
                .isEqualTo("https://partner.example.cn/hooks?x=1");
        assertThat(WebhookUrl.check(" HTTPS://partner.example.cn:8443/h ", false).getHost())
                .isEqualTo("partner.example.cn");
        assertThat(WebhookUrl.check("http://localhost:8090/sandbox/partner/a/webhook", true)).isNotNull();
        assertThat(WebhookUrl.check("http://127.0.0.1:9/h", true)).isNotNull();
        for (String refused : List.of("http://localhost:8090/h", "http://127.0.0.1/h")) {
            assertRefused(() -> WebhookUrl.check(refused, false));
        }
        for (String refused : List.of("http://partner.example.cn/h", "http://localhost.example.cn/h",
                "http://192.168.1.5/h", "https://u:p@partner.example.cn/h", "https://partner.example.cn/h#top",
                "https:///h", "mailto:a@b.cn", "//partner.example.cn/h", "https://partner example.cn/h", " ")) {
            assertRefused(() -> WebhookUrl.check(refused, true));
        }
        assertRefused(() -> WebhookUrl.check(null, true));
    }

    private static void assertRefused(Runnable check) {
        assertThatThrownBy(check::run).isInstanceOf(Refusal.class)
                .satisfies(e -> assertThat(((Refusal) e).code()).isEqualTo("WEBHOOK_URL_INVALID"));
    }

    @Test
    void aSecretIs32RandomBytesAfterItsPrefix() {
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String secret = SigningSecrets.newSecret();
            assertThat(secret).matches("whsec_[A-Za-z0-9_-]{43}");
            assertThat(java.util.Base64.getUrlDecoder().decode(secret.substring(6))).hasSize(32);
            made.add(secret);
        }
        assertThat(made).hasSize(100);
    }

    @Test
    void theReplacedSecretSignsUntilTheOverlapEndsAndNeverAfter() {
        Instant until = Instant.parse("2026-05-02T08:00:00Z");
        SigningSecrets rotating = new SigningSecrets("new", "old", until);
        assertThat(rotating.signingAt(until.minusMillis(1))).containsExactly("new", "old");
        assertThat(rotating.signingAt(until)).containsExactly("new");
        assertThat(rotating.signingAt(until.plusSeconds(3600))).containsExactly("new");
        assertThat(SigningSecrets.of("only").signingAt(until)).containsExactly("only");
        assertThat(rotating.toString()).doesNotContain("new").doesNotContain("old");
        assertThatThrownBy(() -> new SigningSecrets("new", "old", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeliveryIsTriedOnceMoreThanTheScheduleHasDelaysThenDead() {
        RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofMinutes(2)));
        assertThat(schedule.tries()).isEqualTo(4);
        assertThat(schedule.afterFailures(1)).contains(Duration.ofSeconds(10));
        assertThat(schedule.afterFailures(2)).contains(Duration.ofSeconds(30));
        assertThat(schedule.afterFailures(3)).contains(Duration.ofMinutes(2));
        assertThat(schedule.afterFailures(4)).isEmpty();
        assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ZERO))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultScheduleBacksOffForAboutADayAndAHalf() {
        WebhookProperties defaults = new WebhookProperties(false, Duration.ofHours(24),
                List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10),
                        Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(24)),
                true, Duration.ofSeconds(1), 50, 16, Duration.ofSeconds(2), Duration.ofSeconds(10),
                Duration.ofSeconds(60), 10);
        assertThat(defaults.retrySchedule().tries()).isEqualTo(8);
        assertThatThrownBy(() -> new WebhookProperties(false, Duration.ofHours(24), List.of(), true,
                Duration.ofSeconds(1), 50, 16, Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(12),
                10)).hasMessageContaining("lease");
    }

    @Test
    void aPayloadNamesTheExamTheReferencesAndTheEventsFieldsOnly() {
        UUID eventId = UUID.randomUUID();
        UUID enrollment = UUID.randomUUID();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("orderId", "o-1");
        fields.put("amountFen", 23000L);
        fields.put("paidAt", Instant.parse("2026-05-01T08:00:00Z"));
        WebhookEvent event = new WebhookEvent(eventId, WebhookEventType.PAYMENT_SUCCEEDED,
                Instant.parse("2026-05-01T08:00:01Z"), UUID.randomUUID(), enrollment, fields);

        Map<String, Object> body = WebhookPayloads.body(event,
                new EventSubject("SD-ZSB-2023", "sd", EventSubject.Kind.ENROLLMENT), "cand_x");

        assertThat(body).containsExactly(Map.entry("id", eventId.toString()), Map.entry("type", "payment.succeeded"),
                Map.entry("occurredAt", "2026-05-01T08:00:01Z"), Map.entry("bureau", "sd"),
                Map.entry("data", Map.of("examCode", "SD-ZSB-2023", "enrollmentReference", enrollment.toString(),
                        "enrollmentKind", "ENROLLMENT", "candidateReference", "cand_x", "orderId", "o-1",
                        "amountFen", 23000L, "paidAt", "2026-05-01T08:00:00Z")));
        assertThat(body.toString()).doesNotContain(event.candidateId().toString());
    }

    @Test
    void aCandidateReferenceIsStablePerPartnerAndUnrelatedAcrossPartners() {
        UUID candidate = UUID.randomUUID();
        byte[] demo = new byte[32];
        byte[] other = new byte[32];
        other[0] = 1;
        String reference = CandidateReferences.of(demo, candidate);
        assertThat(reference).matches("cand_[0-9a-f]{32}").isEqualTo(CandidateReferences.of(demo, candidate));
        assertThat(CandidateReferences.of(other, candidate)).isNotEqualTo(reference);
        assertThat(CandidateReferences.of(demo, UUID.randomUUID())).isNotEqualTo(reference);
    }

    @Test
    void eventTypesAreNamedAsPartnersSeeThem() {
        assertThat(WebhookEventType.subscribed(List.of("payment.succeeded", "ENROLLMENT.COMPLETED", "payment.succeeded")))
                .containsExactly(WebhookEventType.ENROLLMENT_COMPLETED, WebhookEventType.PAYMENT_SUCCEEDED);
        assertThat(WebhookEventType.wireNames()).containsExactly("enrollment.confirmed", "enrollment.completed",
                "payment.succeeded", "payment.refunded");
    }

    @Test
    void aCursorMarksAPositionAndAnythingElseIsRefused() {
        assertThat(DeliveryCursor.position(DeliveryCursor.after(42))).isEqualTo(42L);
        assertThat(DeliveryCursor.position(null)).isNull();
        for (String bad : List.of("42", "!!", java.util.Base64.getUrlEncoder().encodeToString("d:-1".getBytes()),
                java.util.Base64.getUrlEncoder().encodeToString("x:42".getBytes()))) {
            assertThatThrownBy(() -> DeliveryCursor.position(bad)).isInstanceOf(Refusal.class)
                    .satisfies(e -> assertThat(((Refusal) e).code()).isEqualTo("INVALID_CURSOR"));
        }
    }
}
