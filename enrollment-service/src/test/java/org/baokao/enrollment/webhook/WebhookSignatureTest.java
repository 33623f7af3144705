package org.baokao.enrollment.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** API-2: the Baokao-Signature header, as docs/PARTNER-API.md tells partners to check it. */
class WebhookSignatureTest {

    private static final String BODY = "{\"id\":\"e1\",\"type\":\"payment.succeeded\"}";
    private static final Instant AT = Instant.ofEpochSecond(1_700_000_000L);
    private static final Duration TOLERANCE = WebhookSignature.TOLERANCE;

    @Test
    void v1IsHexHmacSha256OfTimestampDotBodyWithTheSecretsText() {
        // computed independently: printf '%s' '1700000000.{...}' | openssl dgst -sha256 -hmac 'whsec_test-secret'
        assertThat(WebhookSignature.sign("whsec_test-secret", 1_700_000_000L, BODY))
                .isEqualTo("194d8fdea8c93e1e32ad3b7f627d623dbef640eaca0421bc869049b032f4e259");
        assertThat(WebhookSignature.header(AT, BODY, List.of("whsec_test-secret")))
                .isEqualTo("t=1700000000,v1=194d8fdea8c93e1e32ad3b7f627d623dbef640eaca0421bc869049b032f4e259");
    }

    @Test
    void duringARotationTheHeaderCarriesOneV1PerSecretTheNewOneFirst() {
        String header = WebhookSignature.header(AT, BODY, List.of("new", "old"));
        assertThat(header).isEqualTo("t=1700000000,v1=" + WebhookSignature.sign("new", AT.getEpochSecond(), BODY)
                + ",v1=" + WebhookSignature.sign("old", AT.getEpochSecond(), BODY));
        assertThat(WebhookSignature.verify(header, BODY, "new", AT, TOLERANCE)).isTrue();
        assertThat(WebhookSignature.verify(header, BODY, "old", AT, TOLERANCE)).isTrue();
        assertThat(WebhookSignature.verify(header, BODY, "other", AT, TOLERANCE)).isFalse();
    }

    @Test
    void aChangedBodyOrTimestampDoesNotVerify() {
        String header = WebhookSignature.header(AT, BODY, List.of("s"));
        assertThat(WebhookSignature.verify(header, BODY + " ", "s", AT, TOLERANCE)).isFalse();
        String otherTime = header.replace("t=1700000000", "t=1700000001");
        assertThat(WebhookSignature.verify(otherTime, BODY, "s", AT, TOLERANCE)).isFalse();
    }

    @Test
    void aTimestampMoreThanFiveMinutesAwayIsRefused() {
        String header = WebhookSignature.header(AT, BODY, List.of("s"));
        assertThat(WebhookSignature.verify(header, BODY, "s", AT.plusSeconds(300), TOLERANCE)).isTrue();
        assertThat(WebhookSignature.verify(header, BODY, "s", AT.minusSeconds(300), TOLERANCE)).isTrue();
        assertThat(WebhookSignature.verify(header, BODY, "s", AT.plusSeconds(301), TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(header, BODY, "s", AT.minusSeconds(301), TOLERANCE)).isFalse();
    }

    @Test
    void aHeaderWithoutTimestampOrSignatureIsRefused() {
        String v1 = WebhookSignature.sign("s", AT.getEpochSecond(), BODY);
        assertThat(WebhookSignature.verify("v1=" + v1, BODY, "s", AT, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify("t=1700000000", BODY, "s", AT, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify("t=soon,v1=" + v1, BODY, "s", AT, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(null, BODY, "s", AT, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify("", BODY, "s", AT, TOLERANCE)).isFalse();
    }
}
