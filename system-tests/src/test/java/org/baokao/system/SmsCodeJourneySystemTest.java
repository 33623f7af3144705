package org.baokao.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.baokao.testkit.HttpProbe;
import org.junit.jupiter.api.Test;

/**
 * ACC-6 end to end through the gateway: a captcha (its answer read from the sandbox, as an automated journey
 * does on the local stack), a registration SMS code requested from account-service, carried by Kafka to
 * notification-service, delivered to the sandbox SMS gateway, where the tester reads it.
 */
class SmsCodeJourneySystemTest {

    private static final HttpProbe SANDBOX = Stack.SANDBOX;

    @Test
    void aRegistrationCodeReachesTheSandboxSmsInbox() {
        var captcha = Stack.GATEWAY.send(Stack.GATEWAY.request("/api/accounts/public/captchas")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(captcha.status()).isEqualTo(201);
        String captchaId = captcha.json().path("captchaId").asString();
        String answer = SANDBOX.get("/sandbox/captcha/api/answers/" + captchaId).json().path("answer").asString();
        assertThat(answer).hasSize(4);
        String phone = "139" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));

        var sent = Stack.GATEWAY.send(Stack.GATEWAY.request("/api/accounts/public/sms-codes/registration")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"phone\":\"" + phone + "\",\"captchaId\":\"" + captchaId
                        + "\",\"captcha\":\"" + answer.toLowerCase() + "\"}")));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        assertThat(sent.json().path("maskedPhone").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));

        Stack.await("the SMS in the sandbox inbox", Duration.ofSeconds(30),
                () -> SANDBOX.get("/sandbox/sms/api/messages/latest?phone=" + phone).status() == 200);
        String text = SANDBOX.get("/sandbox/sms/api/messages/latest?phone=" + phone).json().path("content").asString();
        assertThat(text).contains("验证码").containsPattern("[0-9]{6}").contains("5分钟内有效");
    }
}
