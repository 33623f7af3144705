package org.baokao.photo.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import org.baokao.testkit.HttpProbe;
import org.baokao.photo.photo.PhotoUploads;
import org.baokao.testkit.ServiceTest;
import org.springframework.test.context.TestPropertySource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** PHO-2: the rules shown before capture come from configuration. */
@ServiceTest(s3 = true)
@TestPropertySource(properties = PhotoUploads.NO_WORKER)
class PhotoRequirementsApiTest {

    @LocalServerPort
    int port;

    @Test
    void showsTheConfiguredBoundsAndChineseNotes() {
        var answer = HttpProbe.onLocalPort(port).get("/api/photos/public/requirements");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("maxBytes").asLong()).isEqualTo(10485760L);
        assertThat(answer.json().path("minWidth").asInt()).isEqualTo(295);
        assertThat(answer.json().path("aspectRatio").asString()).isEqualTo("3:4");
        assertThat(answer.body()).contains("10KB 至 10MB").contains("免冠");
    }
}
