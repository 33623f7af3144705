package org.baokao.sandbox.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The sandbox SMS gateway accepts what a provider would, refuses what it would not, and shows it by phone. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sandbox.sms.capacity=3")
class SmsGatewayTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void acceptedMessagesAreListedByPhoneNewestFirst() throws Exception {
        assertThat(send("13100000001", "验证码111111").statusCode()).isEqualTo(200);
        assertThat(send("13100000002", "验证码222222").statusCode()).isEqualTo(200);
        assertThat(send("13100000001", "验证码333333").statusCode()).isEqualTo(200);

        String body = get("/sandbox/sms/api/messages?phone=13100000001").body();

        assertThat(body).contains("验证码333333").contains("验证码111111").doesNotContain("222222");
        assertThat(body.indexOf("333333")).isLessThan(body.indexOf("111111"));
    }

    @Test
    void anInvalidPhoneIsRefusedLikeAProviderWould() throws Exception {
        HttpResponse<String> answer = send("0531-1234567", "验证码");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("INVALID_PHONE").contains("手机号码格式不正确");
    }

    @Test
    void theInboxIsBounded() throws Exception {
        for (int i = 0; i < 5; i++) {
            send("13900000009", "第" + i + "条");
        }
        String body = get("/sandbox/sms/api/messages?phone=13900000009").body();
        assertThat(body).contains("第4条").doesNotContain("第0条").doesNotContain("第1条");
    }

    @Test
    void theInboxPageIsMarkedAsSandbox() throws Exception {
        HttpResponse<String> page = get("/sandbox/sms");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("沙箱环境").contains("短信收件箱");
    }

    private HttpResponse<String> send(String phone, String content) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/sms/api/send"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"phone\":\"" + phone + "\",\"content\":\"" + content + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
