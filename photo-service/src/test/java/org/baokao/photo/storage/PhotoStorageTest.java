package org.baokao.photo.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.baokao.testkit.HttpProbe;
import org.baokao.photo.photo.PhotoUploads;
import org.baokao.testkit.ServiceTest;
import org.springframework.test.context.TestPropertySource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** PHO-3 foundations against the real S3 server: random keys, bytes round-trip, bucket health. */
@ServiceTest(s3 = true)
@TestPropertySource(properties = PhotoUploads.NO_WORKER)
class PhotoStorageTest {

    @Autowired
    PhotoStorage storage;

    @LocalServerPort
    int port;

    @Test
    void storesUnderRandomKeysAndReadsBack() throws Exception {
        byte[] content = "not really a jpeg".getBytes(StandardCharsets.UTF_8);

        String first = storage.put(content, "image/jpeg");
        String second = storage.put(content, "image/jpeg");

        assertThat(first).isNotEqualTo(second).matches("photos/[0-9a-f]{2}/[0-9a-f]{32}");
        try (InputStream in = storage.open(first)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void healthIncludesTheBucket() {
        var health = HttpProbe.onLocalPort(port).get("/actuator/health");

        assertThat(health.json().path("status").asString()).isEqualTo("UP");
    }
}
