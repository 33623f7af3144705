package org.baokao.sandbox.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.baokao.sandbox.SandboxHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Tests and demos make the sandbox gateway fail or slow down at runtime, the way a real one sometimes is. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { SandboxHttp.SMALL_SMS_CAPACITY, SandboxHttp.SMALL_CAPTCHA_CAPACITY })
class SmsBehaviourTest {

    @LocalServerPort
    int port;

    private SandboxHttp http;

    @BeforeEach
    void connect() {
        http = new SandboxHttp(port);
    }

    @AfterEach
    void healthyAgain() {
        behave("{\"failureRate\":0,\"latencyMs\":0}");
    }

    @Test
    void aFailingGatewayAnswers503WithAProviderErrorAndDeliversNothing() {
        behave("{\"failureRate\":1,\"latencyMs\":0}");

        HttpResponse<String> answer = send("13200000001", "您的验证码为123456");

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).contains("\"code\":\"GATEWAY_BUSY\"").contains("短信网关繁忙");
        assertThat(http.get("/sandbox/sms/api/messages/latest?phone=13200000001").statusCode()).isEqualTo(404);
    }

    @Test
    void aFailingGatewayFailsRetriesOfAnAcceptedRequestToo() {
        HttpResponse<String> first = http.send(http.json("/sandbox/sms/api/send", body("13200000002", "内容"))
                .header(SmsGatewayController.IDEMPOTENCY_KEY, "behaviour-1"));
        behave("{\"failureRate\":1}");

        HttpResponse<String> retry = http.send(http.json("/sandbox/sms/api/send", body("13200000002", "内容"))
                .header(SmsGatewayController.IDEMPOTENCY_KEY, "behaviour-1"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).isEqualTo(503);
    }

    @Test
    void aHealthyGatewayAcceptsEverySend() {
        behave("{\"failureRate\":0,\"latencyMs\":0}");

        for (int i = 0; i < 20; i++) {
            assertThat(send("13200000003", "第" + i + "条").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void latencyDelaysEverySend() {
        behave("{\"latencyMs\":700}");

        long started = System.nanoTime();
        HttpResponse<String> answer = send("13200000004", "慢一点");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    @Test
    void theCurrentBehaviourCanBeReadAndAPartialChangeKeepsTheRest() {
        behave("{\"failureRate\":0.25,\"latencyMs\":300}");
        behave("{\"failureRate\":0.5}");

        String current = http.get("/sandbox/sms/api/behaviour").body();

        assertThat(current).contains("\"failureRate\":0.5").contains("\"latencyMs\":300");
    }

    @Test
    void anImpossibleBehaviourIsRefusedAndChangesNothing() {
        behave("{\"failureRate\":0,\"latencyMs\":0}");

        HttpResponse<String> tooHigh = http.postJson("/sandbox/sms/api/behaviour", "{\"failureRate\":1.5}");
        HttpResponse<String> negative = http.postJson("/sandbox/sms/api/behaviour", "{\"latencyMs\":-1}");

        assertThat(tooHigh.statusCode()).isEqualTo(400);
        assertThat(tooHigh.body()).contains("INVALID_BEHAVIOUR").contains("失败率须在0到1之间");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(http.get("/sandbox/sms/api/behaviour").body()).contains("\"failureRate\":0.0");
    }

    private void behave(String json) {
        assertThat(http.postJson("/sandbox/sms/api/behaviour", json).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String phone, String content) {
        return http.postJson("/sandbox/sms/api/send", body(phone, content));
    }

    private static String body(String phone, String content) {
        return "{\"phone\":\"" + phone + "\",\"content\":\"" + content + "\"}";
    }
}
