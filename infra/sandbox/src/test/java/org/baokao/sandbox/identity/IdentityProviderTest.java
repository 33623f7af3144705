package org.baokao.sandbox.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.baokao.sandbox.SandboxHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** PHO-4: the sandbox identity provider answers match / no match / no reference, and fails when told to. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { SandboxHttp.SMALL_SMS_CAPACITY, SandboxHttp.SMALL_CAPTCHA_CAPACITY })
class IdentityProviderTest {

    @LocalServerPort
    int port;

    private SandboxHttp http;

    @BeforeEach
    void connect() {
        http = new SandboxHttp(port);
    }

    @AfterEach
    void healthyAgain() {
        http.postJson("/sandbox/identity/api/behaviour", "{\"failureRate\":0,\"latencyMs\":0}");
    }

    @Test
    void pho4_theFirstPhotoBecomesTheReferenceAndOnlyASimilarPhotoMatchesLater() throws IOException {
        String subject = UUID.randomUUID().toString();
        String face = picture(false);

        assertThat(compare(subject, face).body()).contains("\"MATCH\"");
        assertThat(compare(subject, face).body()).contains("\"MATCH\"");
        assertThat(compare(subject, picture(true)).body()).contains("\"NO_MATCH\"");
    }

    @Test
    void pho4_anOutcomeForcedPerSubjectWinsOverThePhotos() throws IOException {
        String subject = UUID.randomUUID().toString();
        var forced = http.send(http.json("/sandbox/identity/api/subjects/" + subject + "/outcome",
                "{\"outcome\":\"NO_REFERENCE\"}").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"outcome\":\"NO_REFERENCE\"}")));
        assertThat(forced.statusCode()).isEqualTo(200);

        assertThat(compare(subject, picture(false)).body()).contains("\"NO_REFERENCE\"");
    }

    @Test
    void pho4_aComparisonWithoutIdNumberOrNameIsRefused() throws IOException {
        var answer = http.postJson("/sandbox/identity/api/compare", "{\"idType\":\"RESIDENT_ID\",\"photo\":\""
                + picture(false) + "\"}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("INVALID_REQUEST");
    }

    @Test
    void pho4_aFailingProviderAnswers503AndNothingIsEnrolled() throws IOException {
        String subject = UUID.randomUUID().toString();
        http.postJson("/sandbox/identity/api/behaviour", "{\"failureRate\":1}");

        assertThat(compare(subject, picture(false)).statusCode()).isEqualTo(503);

        healthyAgain();
        // the failed call did not make the first photo the reference: a different one still enrols and matches
        assertThat(compare(subject, picture(true)).body()).contains("\"MATCH\"");
    }

    private java.net.http.HttpResponse<String> compare(String subject, String photo) {
        return http.postJson("/sandbox/identity/api/compare",
                "{\"idType\":\"RESIDENT_ID\",\"idNumber\":\"" + subject + "\",\"name\":\"测试考生\",\"photo\":\""
                        + photo + "\"}");
    }

    /** A light picture with a dark oval, or its negative-ish variant (dark left half). */
    private static String picture(boolean other) throws IOException {
        BufferedImage image = new BufferedImage(120, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 120, 160);
        g.setColor(Color.DARK_GRAY);
        if (other) {
            g.fillRect(0, 0, 60, 160);
        } else {
            g.fillOval(30, 30, 60, 90);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
