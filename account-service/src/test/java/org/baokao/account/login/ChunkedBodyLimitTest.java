package org.baokao.account.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.RawHttp;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The body limit (baokao.web.max-body-size, 256 KB) holds for a body sent chunked, without a Content-Length to
 * refuse up front: a 16 MB login request is cut off once 256 KB are read and answered 413, not parsed whole.
 */
@ServiceTest
class ChunkedBodyLimitTest {

    @LocalServerPort
    int port;

    @Test
    void aChunked16MegabyteLoginIsRefusedOnceItPassesTheLimit() {
        byte[] start = "{\"idType\":\"RESIDENT_ID\",\"idNumber\":\"".getBytes(StandardCharsets.US_ASCII);

        HttpProbe.Answer answer = RawHttp.onLocalPort(port).postChunked("/api/accounts/public/logins",
                Map.of("Content-Type", "application/json"), start, 16L * 1024 * 1024, (byte) '1');

        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.problemCode()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(answer.json().path("detail").asString()).isEqualTo("上传的内容过大");
        assertThat(HttpProbe.onLocalPort(port).get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void aSmallChunkedLoginIsReadAsUsual() {
        byte[] login = "{\"idType\":\"RESIDENT_ID\"}".getBytes(StandardCharsets.US_ASCII);

        HttpProbe.Answer answer = RawHttp.onLocalPort(port).postChunked("/api/accounts/public/logins",
                Map.of("Content-Type", "application/json"), login, 0, (byte) 0);

        assertThat(answer.status()).as(answer.body()).isBetween(400, 499).isNotEqualTo(413);
    }
}
