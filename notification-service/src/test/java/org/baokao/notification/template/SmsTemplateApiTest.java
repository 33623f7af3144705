package org.baokao.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.baokao.notification.NotificationServiceTest;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** NOT-1 templates are visible to operators only. */
@NotificationServiceTest
class SmsTemplateApiTest {

    @LocalServerPort
    int port;

    @Test
    void operatorsReadTheTemplates() {
        Answer answer = HttpProbe.onLocalPort(port).get("/api/notifications/templates",
                TestServers.issuer().token("op-1", "operator"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("VERIFICATION_CODE").contains("您的验证码为{code}");
    }

    /** BUR-1: the platform's texts are unsigned; each bureau's signature is put before them when one is sent. */
    @Test
    void thePlatformsTextsCarryNoBureausSignature() {
        Answer answer = HttpProbe.onLocalPort(port).get("/api/notifications/templates",
                TestServers.issuer().token("op-1", "operator"));

        assertThat(answer.json().valueStream().map(template -> template.path("content").asString()))
                .hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(content -> assertThat(content).doesNotContain("【").doesNotContain("考试院"))
                .contains("您的验证码为{code}，{minutes}分钟内有效。请勿将验证码告诉他人。");
    }

    @Test
    void candidatesAndAnonymousCallersDoNot() {
        HttpProbe http = HttpProbe.onLocalPort(port);

        assertThat(http.get("/api/notifications/templates").status()).isEqualTo(401);
        Answer candidate = http.get("/api/notifications/templates", TestServers.issuer().token("c-1", "candidate"));
        assertThat(candidate.status()).isEqualTo(403);
        assertThat(candidate.problemCode()).isEqualTo("FORBIDDEN");
    }
}
