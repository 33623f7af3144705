package org.baokao.sandbox.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.baokao.sandbox.SandboxHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The server-rendered inbox page: conversations by phone, newest first, codes readable, 故障模拟 as a form. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SandboxHttp.SMALL_SMS_CAPACITY, SandboxHttp.SMALL_CAPTCHA_CAPACITY})
class InboxPageTest {

    @LocalServerPort
    int port;

    @AfterEach
    void healthy() {
        new SandboxHttp(port).postJson("/sandbox/sms/api/behaviour", "{\"failureRate\":0,\"latencyMs\":0}");
    }

    @Test
    void showsEachPhonesMessagesNewestFirstWithTheCodesSetApart() {
        SandboxHttp http = new SandboxHttp(port);
        send(http, "13700000001", "【报考】您的注册验证码为111111，5分钟内有效。");
        send(http, "13700000002", "【报考】您的登录验证码为222222，5分钟内有效。");
        send(http, "13700000001", "【报考】您的登录验证码为333333，5分钟内有效。");

        String all = http.get("/sandbox/sms").body();
        assertThat(all).contains("沙箱环境", "短信收件箱", "故障模拟", "137 0000 0001", "137 0000 0002");
        assertThat(all.indexOf("137 0000 0001")).as("the phone with the newest message first")
                .isLessThan(all.indexOf("137 0000 0002"));
        assertThat(all).contains("<strong class=\"code\">333333</strong>");

        HttpResponse<String> one = http.get("/sandbox/sms?phone=13700000001");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("text/html"));
        String list = one.body().substring(one.body().indexOf("id=\"list\""));
        assertThat(list).contains("333333", "111111").doesNotContain("222222");
        assertThat(list.indexOf("333333")).as("newest first").isLessThan(list.indexOf("111111"));
        assertThat(http.get("/sandbox/sms?phone=13799999999").body()).contains("暂无短信");
    }

    @Test
    void escapesWhatTheMessagesSay() {
        SandboxHttp http = new SandboxHttp(port);
        send(http, "13700000003", "<script>alert(1)</script> 验证码444444");

        assertThat(http.get("/sandbox/sms?phone=13700000003").body())
                .doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
    }

    @Test
    void theFailureControlsChangeTheGatewayAndRefuseNonsense() {
        SandboxHttp http = new SandboxHttp(port);

        HttpResponse<String> applied = form(http, "failureRate=0.5&latencyMs=&phone=13700000001");
        assertThat(applied.statusCode()).isEqualTo(303);
        assertThat(applied.headers().firstValue("Location")).hasValue("/sandbox/sms?phone=13700000001");
        assertThat(http.get("/sandbox/sms/api/behaviour").body()).contains("\"failureRate\":0.5", "\"latencyMs\":0");
        assertThat(http.get("/sandbox/sms").body()).contains("当前：失败率 50%，延迟 0 毫秒");

        HttpResponse<String> refused = form(http, "failureRate=2&latencyMs=10");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("失败率须在0到1之间");
        assertThat(http.get("/sandbox/sms/api/behaviour").body()).contains("\"failureRate\":0.5");
    }

    private static void send(SandboxHttp http, String phone, String content) {
        assertThat(http.postJson("/sandbox/sms/api/send",
                "{\"phone\":\"" + phone + "\",\"content\":\"" + content + "\"}").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> form(SandboxHttp http, String body) {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/sms"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
