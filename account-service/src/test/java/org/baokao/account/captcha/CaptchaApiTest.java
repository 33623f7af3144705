package org.baokao.account.captcha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.baokao.account.support.RevealedCaptchas;
import org.baokao.domain.Refusal;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.convention.TestBean;

import java.net.http.HttpRequest;

/** Image captcha: single use, expires, case-insensitive, answer never in a response. */
@ServiceTest
class CaptchaApiTest {

    static final RevealedCaptchas REVEALED = RevealedCaptchas.SHARED;

    @TestBean(methodName = "org.baokao.account.support.RevealedCaptchas#shared")
    CaptchaRevealer captchaRevealer;

    @LocalServerPort
    int port;
    @Autowired
    Captchas captchas;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCaptchaIsAPngAndItsAnswerIsNotInTheResponse() throws Exception {
        HttpProbe http = HttpProbe.onLocalPort(port);
        var answer = http.send(http.request("/api/accounts/public/captchas").POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(answer.status()).isEqualTo(201);
        UUID id = UUID.fromString(answer.json().path("captchaId").asString());
        String image = answer.json().path("image").asString();
        assertThat(image).startsWith("data:image/png;base64,");
        var png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(image.substring(22))));
        assertThat(png.getWidth()).isEqualTo(120);
        assertThat(png.getHeight()).isEqualTo(40);
        assertThat(answer.json().propertyNames()).containsExactlyInAnyOrder("captchaId", "image", "expiresAt");
        assertThat(REVEALED.answerOf(id)).hasSize(4);
    }

    @Test
    void theAnswerIsCaseInsensitiveAndWorksOnce() {
        var issued = captchas.issue();
        String answer = REVEALED.answerOf(issued.captchaId()).toLowerCase(Locale.ROOT);

        captchas.verify(issued.captchaId(), answer);

        assertThatThrownBy(() -> captchas.verify(issued.captchaId(), answer))
                .isInstanceOfSatisfying(Refusal.class, p -> assertThat(p.code()).isEqualTo("CAPTCHA_EXPIRED"));
    }

    @Test
    void aWrongAnswerUsesTheCaptchaUp() {
        var issued = captchas.issue();
        String right = REVEALED.answerOf(issued.captchaId());

        assertThatThrownBy(() -> captchas.verify(issued.captchaId(), right.equals("AAAA") ? "BBBB" : "AAAA"))
                .isInstanceOfSatisfying(Refusal.class, p -> assertThat(p.code()).isEqualTo("CAPTCHA_WRONG"));
        assertThatThrownBy(() -> captchas.verify(issued.captchaId(), right))
                .isInstanceOfSatisfying(Refusal.class, p -> assertThat(p.code()).isEqualTo("CAPTCHA_EXPIRED"));
    }

    @Test
    void anExpiredCaptchaIsRefusedEvenWithTheRightAnswer() {
        var issued = captchas.issue();
        jdbc.sql("update captcha set expires_at = now() - interval '1 second' where id = ?")
                .param(issued.captchaId()).update();

        assertThatThrownBy(() -> captchas.verify(issued.captchaId(), REVEALED.answerOf(issued.captchaId())))
                .isInstanceOfSatisfying(Refusal.class, p -> assertThat(p.code()).isEqualTo("CAPTCHA_EXPIRED"));
    }

    @Test
    void onlyAHashOfTheAnswerIsStored() {
        var issued = captchas.issue();
        String stored = jdbc.sql("select answer_hash from captcha where id = ?").param(issued.captchaId())
                .query(String.class).single();

        assertThat(stored).hasSize(64).doesNotContain(REVEALED.answerOf(issued.captchaId()));
    }
}
