package org.baokao.sandbox.captcha;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.baokao.sandbox.SandboxHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The captcha-answer drop box keeps what account-service drops, by captcha id, and only so many. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { SandboxHttp.SMALL_SMS_CAPACITY, SandboxHttp.SMALL_CAPTCHA_CAPACITY })
class CaptchaAnswerTest {

    @LocalServerPort
    int port;

    private SandboxHttp http;

    @BeforeEach
    void connect() {
        http = new SandboxHttp(port);
    }

    @Test
    void aDroppedAnswerIsReadBackByCaptchaId() {
        HttpResponse<String> stored = drop("cap-1", "7K3P");

        HttpResponse<String> read = http.get("/sandbox/captcha/api/answers/cap-1");

        assertThat(stored.statusCode()).isEqualTo(201);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"captchaId\":\"cap-1\"").contains("\"answer\":\"7K3P\"");
    }

    @Test
    void anUnknownCaptchaHasNoAnswer() {
        HttpResponse<String> read = http.get("/sandbox/captcha/api/answers/never-dropped");

        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(read.body()).contains("CAPTCHA_NOT_FOUND").contains("未找到该验证码的答案");
    }

    @Test
    void aNewAnswerForTheSameCaptchaReplacesTheOldOne() {
        drop("cap-2", "AAAA");
        drop("cap-2", "BBBB");

        assertThat(http.get("/sandbox/captcha/api/answers/cap-2").body()).contains("BBBB").doesNotContain("AAAA");
    }

    @Test
    void theDropBoxIsBoundedAndForgetsTheEldestFirst() {
        for (int i = 0; i < 5; i++) {
            drop("bounded-" + i, "A" + i);
        }

        assertThat(http.get("/sandbox/captcha/api/answers/bounded-0").statusCode()).isEqualTo(404);
        assertThat(http.get("/sandbox/captcha/api/answers/bounded-1").statusCode()).isEqualTo(404);
        assertThat(http.get("/sandbox/captcha/api/answers/bounded-4").statusCode()).isEqualTo(200);
    }

    @Test
    void aDropWithoutIdOrAnswerIsRefused() {
        HttpResponse<String> noId = http.postJson("/sandbox/captcha/api/answers", "{\"answer\":\"7K3P\"}");
        HttpResponse<String> noAnswer = http.postJson("/sandbox/captcha/api/answers", "{\"captchaId\":\"cap-3\"}");

        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(noId.body()).contains("INVALID_CAPTCHA_ID");
        assertThat(noAnswer.statusCode()).isEqualTo(400);
        assertThat(noAnswer.body()).contains("INVALID_ANSWER");
        assertThat(http.get("/sandbox/captcha/api/answers/cap-3").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> drop(String captchaId, String answer) {
        return http.postJson("/sandbox/captcha/api/answers",
                "{\"captchaId\":\"" + captchaId + "\",\"answer\":\"" + answer + "\"}");
    }
}
