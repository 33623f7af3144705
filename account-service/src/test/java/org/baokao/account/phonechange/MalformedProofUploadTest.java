package org.baokao.account.phonechange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.RawHttp;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ACC-8's proof uploads (one of them public: the candidate who lost the old phone cannot log in) and the roster
 * import, sent wrong on purpose, byte by byte: a multipart type without a boundary, garbage after the boundary,
 * a body cut short, text or JSON instead of multipart. Each is a 4xx problem with a stable code and a Chinese
 * detail, never a 500, and files nothing.
 */
@ServiceTest
class MalformedProofUploadTest {

    private static final String BOUNDARY = "----baokao-malformed";
    private static final String PUBLIC_REQUESTS = "/api/accounts/public/phone-change-requests";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theLostPhoneRequestRefusesMalformedUploadsWithoutLogin() {
        RawHttp http = RawHttp.onLocalPort(port);
        long requestsBefore = phoneChangeRequests();
        byte[] whole = request();

        assertRefused(http.post(PUBLIC_REQUESTS, Map.of("Content-Type", "multipart/form-data"), whole), 400,
                "MALFORMED_REQUEST");
        assertRefused(http.post(PUBLIC_REQUESTS, multipart(), garbageAfterTheBoundary()), 400, "MALFORMED_REQUEST");
        assertRefused(http.post(PUBLIC_REQUESTS, multipart(), Arrays.copyOf(whole, whole.length - 300)), 400,
                "MALFORMED_REQUEST");
        assertRefused(http.post(PUBLIC_REQUESTS, Map.of("Content-Type", "text/plain"), whole), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertRefused(http.post(PUBLIC_REQUESTS, Map.of("Content-Type", "application/json"),
                "{\"idNumber\":\"x\"}".getBytes(StandardCharsets.UTF_8)), 415, "UNSUPPORTED_MEDIA_TYPE");

        assertThat(phoneChangeRequests()).isEqualTo(requestsBefore);
    }

    @Test
    void theLoggedInRequestAndTheRosterImportRefuseMalformedUploads() {
        RawHttp http = RawHttp.onLocalPort(port);
        long requestsBefore = phoneChangeRequests();
        String candidate = "Bearer " + TestServers.issuer().token(UUID.randomUUID().toString(), "candidate");
        String operator = "Bearer " + TestServers.issuer().token("op-malformed", "operator");

        assertRefused(http.post("/api/accounts/me/phone-change-requests", Map.of("Content-Type",
                "multipart/form-data", "Authorization", candidate), request()), 400, "MALFORMED_REQUEST");
        assertRefused(http.post("/api/accounts/me/phone-change-requests", Map.of("Content-Type", "multipart/form-data; "
                + "boundary=" + BOUNDARY, "Authorization", candidate), garbageAfterTheBoundary()), 400,
                "MALFORMED_REQUEST");
        assertRefused(http.post("/api/accounts/operations/rosters/SD-ZSB-2026/imports", Map.of("Content-Type",
                "multipart/form-data", "Authorization", operator), request()), 400, "MALFORMED_REQUEST");

        assertThat(phoneChangeRequests()).isEqualTo(requestsBefore);
    }

    private static void assertRefused(HttpProbe.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.problemCode()).isEqualTo(code);
        assertThat(answer.json().path("detail").asString()).containsPattern("\\p{IsHan}");
    }

    private long phoneChangeRequests() {
        return jdbc.sql("select count(*) from phone_change_request").query(Long.class).single();
    }

    private static Map<String, String> multipart() {
        return Map.of("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
    }

    /** A request as the form sends it: fields, then the three images. */
    private static byte[] request() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map.of("idType", "RESIDENT_ID", "idNumber", "110101199003070011", "password", "Secret@2026",
                "newPhone", "13900001111", "smsCode", "123456").forEach((name, value) -> body.writeBytes(
                ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        for (String image : new String[] { "idCardFront", "idCardBack", "holdingId" }) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + image
                    + "\"; filename=\"" + image + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(PhoneChangeApiTest.JPEG);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static byte[] garbageAfterTheBoundary() {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"idCardFront\"; filename=\"a.jpg\"\r\n"
                + "\u0000\u0001garbage, no end of the part headers, no closing boundary").getBytes(StandardCharsets.UTF_8);
    }
}
