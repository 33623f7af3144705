package org.baokao.sandbox.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baokao.sandbox.SandboxHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The sandbox SMS gateway accepts what a provider would, refuses what it would not, and shows it by phone. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { SandboxHttp.SMALL_SMS_CAPACITY, SandboxHttp.SMALL_CAPTCHA_CAPACITY })
class SmsGatewayTest {

    @LocalServerPort
    int port;

    private SandboxHttp http;

    @BeforeEach
    void connect() {
        http = new SandboxHttp(port);
    }

    @Test
    void acceptedMessagesAreListedByPhoneNewestFirst() {
        assertThat(send("13100000001", "验证码111111").statusCode()).isEqualTo(200);
        assertThat(send("13100000002", "验证码222222").statusCode()).isEqualTo(200);
        assertThat(send("13100000001", "验证码333333").statusCode()).isEqualTo(200);

        String body = http.get("/sandbox/sms/api/messages?phone=13100000001").body();

        assertThat(body).contains("验证码333333").contains("验证码111111").doesNotContain("222222");
        assertThat(body.indexOf("333333")).isLessThan(body.indexOf("111111"));
    }

    @Test
    void theLatestMessageToAPhoneIsHowATesterReadsTheCode() {
        send("13100000011", "验证码444444");
        send("13100000011", "验证码555555");

        HttpResponse<String> latest = http.get("/sandbox/sms/api/messages/latest?phone=13100000011");

        assertThat(latest.statusCode()).isEqualTo(200);
        assertThat(latest.body()).contains("验证码555555").doesNotContain("444444");
    }

    @Test
    void aJourneyWaitsForTheMessageNewerThanTheOneItKnew() throws Exception {
        send("13100000013", "验证码121212");
        String known = messageId(http.get("/sandbox/sms/api/messages/latest?phone=13100000013").body());

        CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(() -> http.get(
                "/sandbox/sms/api/messages/latest?phone=13100000013&after=" + known + "&waitMs=10000"));
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        send("13100000013", "验证码343434");

        HttpResponse<String> newer = waiting.get(5, TimeUnit.SECONDS);
        assertThat(newer.statusCode()).isEqualTo(200);
        assertThat(newer.body()).contains("验证码343434");
    }

    @Test
    void aJourneyWaitsForAMessageSinceTheMomentItAskedAndIgnoresOlderOnes() throws Exception {
        send("13100000015", "验证码161616");
        Thread.sleep(5);
        long asked = System.currentTimeMillis();

        CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(() -> http.get(
                "/sandbox/sms/api/messages/latest?phone=13100000015&sinceEpochMs=" + asked + "&waitMs=10000"));
        Thread.sleep(300);
        assertThat(waiting).as("the message before the moment does not count").isNotDone();
        send("13100000015", "验证码787878");

        HttpResponse<String> newer = waiting.get(5, TimeUnit.SECONDS);
        assertThat(newer.statusCode()).isEqualTo(200);
        assertThat(newer.body()).contains("验证码787878");
        assertThat(http.get("/sandbox/sms/api/messages/latest?phone=13100000015&sinceEpochMs="
                + (System.currentTimeMillis() + 1000) + "&waitMs=200").statusCode()).isEqualTo(404);
    }

    @Test
    void waitingInVainEndsWith404() {
        send("13100000014", "验证码565656");
        String known = messageId(http.get("/sandbox/sms/api/messages/latest?phone=13100000014").body());

        HttpResponse<String> nothingNew = http.get(
                "/sandbox/sms/api/messages/latest?phone=13100000014&after=" + known + "&waitMs=200");

        assertThat(nothingNew.statusCode()).isEqualTo(404);
        assertThat(nothingNew.body()).contains("NO_MESSAGE");
    }

    private static String messageId(String json) {
        Matcher id = Pattern.compile("\"messageId\":\"([^\"]+)\"").matcher(json);
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    @Test
    void aPhoneWithoutMessagesHasNoLatestMessage() {
        HttpResponse<String> latest = http.get("/sandbox/sms/api/messages/latest?phone=13100000012");

        assertThat(latest.statusCode()).isEqualTo(404);
        assertThat(latest.body()).contains("NO_MESSAGE").contains("该手机号还没有收到短信");
    }

    @Test
    void aRetryWithTheSameRequestIdGetsTheSameMessageIdAndSendsNothingNew() {
        HttpResponse<String> first = sendWithKey("req-a", "13100000021", "验证码666666");
        HttpResponse<String> retry = sendWithKey("req-a", "13100000021", "验证码666666");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(messageId(retry)).isEqualTo(messageId(first));
        assertThat(first.headers().firstValue("Idempotent-Replayed")).hasValue("false");
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        String inbox = http.get("/sandbox/sms/api/messages?phone=13100000021").body();
        assertThat(inbox.split("验证码666666", -1)).hasSize(2); // exactly one message
        assertThat(inbox).contains("\"submissions\":2");
    }

    @Test
    void differentRequestIdsAreDifferentMessages() {
        HttpResponse<String> one = sendWithKey("req-b", "13100000022", "验证码777777");
        HttpResponse<String> two = sendWithKey("req-c", "13100000022", "验证码777777");

        assertThat(messageId(two)).isNotEqualTo(messageId(one));
        assertThat(http.get("/sandbox/sms/api/messages?phone=13100000022").body().split("验证码777777", -1))
                .hasSize(3);
    }

    @Test
    void aRequestIdReusedForAnotherMessageIsRefused() {
        sendWithKey("req-d", "13100000023", "验证码888888");

        HttpResponse<String> reused = sendWithKey("req-d", "13100000024", "验证码888888");

        assertThat(reused.statusCode()).isEqualTo(409);
        assertThat(reused.body()).contains("IDEMPOTENCY_KEY_REUSED");
        assertThat(http.get("/sandbox/sms/api/messages/latest?phone=13100000024").statusCode()).isEqualTo(404);
    }

    @Test
    void anInvalidPhoneIsRefusedLikeAProviderWould() {
        HttpResponse<String> answer = send("0531-1234567", "验证码");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("INVALID_PHONE").contains("手机号码格式不正确");
    }

    @Test
    void theInboxIsBounded() {
        for (int i = 0; i < 5; i++) {
            send("13900000009", "第" + i + "条");
        }
        String body = http.get("/sandbox/sms/api/messages?phone=13900000009").body();
        assertThat(body).contains("第4条").doesNotContain("第0条").doesNotContain("第1条");
    }

    @Test
    void anEvictedRequestIdIsForgottenWithItsMessage() {
        sendWithKey("req-old", "13900000010", "最早的一条");
        for (int i = 0; i < 3; i++) {
            send("13900000011", "挤掉" + i);
        }

        HttpResponse<String> again = sendWithKey("req-old", "13900000010", "最早的一条");

        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("false");
    }

    @Test
    void theInboxPageIsMarkedAsSandbox() {
        HttpResponse<String> page = http.get("/sandbox/sms");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("沙箱环境").contains("短信收件箱").contains("故障模拟");
    }

    private HttpResponse<String> send(String phone, String content) {
        return http.postJson("/sandbox/sms/api/send", body(phone, content));
    }

    private HttpResponse<String> sendWithKey(String requestId, String phone, String content) {
        return http.send(http.json("/sandbox/sms/api/send", body(phone, content))
                .header(SmsGatewayController.IDEMPOTENCY_KEY, requestId));
    }

    private static String body(String phone, String content) {
        return "{\"phone\":\"" + phone + "\",\"content\":\"" + content + "\"}";
    }

    private static String messageId(HttpResponse<String> answer) {
        return answer.body().replaceAll(".*\"messageId\":\"([^\"]+)\".*", "$1");
    }
}
