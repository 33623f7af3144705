package org.baokao.sandbox.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.baokao.sandbox.SandboxHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox's SMTP server takes mail as any mail server would, over SMTP from a real client, and shows it per
 * recipient in its JSON API and its inbox page: how a tester or a browser test reads a mail the platform sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { SandboxHttp.SMALL_SMS_CAPACITY, SandboxHttp.SMALL_CAPTCHA_CAPACITY })
class MailServerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FROM = "上海市教育考试院 <noreply@baokao.local>";

    @LocalServerPort
    int port;

    private SandboxHttp http;
    private int smtpPort;

    @BeforeEach
    void connect() {
        http = new SandboxHttp(port);
        JsonNode server = json(http.get("/sandbox/mail/api/server"));
        assertThat(server.path("host").asString()).isEqualTo("127.0.0.1");
        smtpPort = server.path("port").asInt();
    }

    @Test
    void aMailSentOverSmtpIsListedForItsRecipientNewestFirstWithSubjectBodyAndSender() throws Exception {
        send("wang.fang@example.com", "上海市教育考试院：找回密码验证码", "您的验证码为：123456\n\n上海市教育考试院");
        send("li.lei@example.com", "别人的邮件", "不应出现在王芳的邮箱里");
        send("wang.fang@example.com", "上海市教育考试院：找回密码验证码", "您的验证码为：654321\n\n上海市教育考试院");

        JsonNode mails = json(http.get("/sandbox/mail/api/messages?to=Wang.Fang@example.com"));

        assertThat(mails).hasSize(2);
        JsonNode newest = mails.get(0);
        assertThat(newest.path("to").asString()).isEqualTo("wang.fang@example.com");
        assertThat(newest.path("from").asString()).isEqualTo(FROM);
        assertThat(newest.path("subject").asString()).isEqualTo("上海市教育考试院：找回密码验证码");
        assertThat(newest.path("body").asString()).isEqualTo("您的验证码为：654321\n\n上海市教育考试院");
        assertThat(newest.path("messageId").asString()).startsWith("<").endsWith(">");
        assertThat(newest.path("receivedAt").asString()).isNotBlank();
        assertThat(mails.get(1).path("body").asString()).contains("123456");
    }

    @Test
    void aMailToTwoRecipientsIsInBothMailboxes() throws Exception {
        send(new String[] { "zhao.min@example.com", "qian.hao@example.com" }, "通知", "两人都应收到");

        assertThat(json(http.get("/sandbox/mail/api/messages?to=zhao.min@example.com"))).hasSize(1);
        assertThat(json(http.get("/sandbox/mail/api/messages?to=qian.hao@example.com"))).hasSize(1);
    }

    @Test
    void aJourneyWaitsForTheMailThatArrivesAfterItAsked() throws Exception {
        String to = "sun.li@example.com";
        assertThat(http.get("/sandbox/mail/api/messages/latest?to=" + to).statusCode()).isEqualTo(404);
        long asked = System.currentTimeMillis();

        CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(() -> http.get(
                "/sandbox/mail/api/messages/latest?to=" + to + "&sinceEpochMs=" + asked + "&waitMs=10000"));
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        send(to, "找回密码验证码", "您的验证码为：246810");

        HttpResponse<String> latest = waiting.get(5, TimeUnit.SECONDS);
        assertThat(latest.statusCode()).isEqualTo(200);
        assertThat(json(latest).path("body").asString()).contains("246810");
    }

    @Test
    void theInboxPageShowsEachAddresssMailsNewestFirstInChinese() throws Exception {
        send("zhou.yu@example.com", "第一封：找回密码验证码", "您的验证码为：111111");
        send("wu.di@example.com", "别人的邮件", "验证码 222222");
        send("zhou.yu@example.com", "第二封：找回密码验证码", "您的验证码为：333333");

        HttpResponse<String> page = http.get("/sandbox/mail?to=" + URLEncoder.encode("zhou.yu@example.com",
                StandardCharsets.UTF_8));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("text/html"));
        assertThat(page.body()).contains("<title>【沙箱】邮件收件箱</title>", "沙箱环境", "zhou.yu@example.com",
                "wu.di@example.com");
        String list = page.body().substring(page.body().indexOf("id=\"list\""));
        assertThat(list).contains("第二封：找回密码验证码", "第一封：找回密码验证码", "上海市教育考试院 &lt;noreply@baokao.local&gt;",
                "<strong class=\"code\">333333</strong>").doesNotContain("222222");
        assertThat(list.indexOf("第二封")).as("newest first").isLessThan(list.indexOf("第一封"));
        assertThat(http.get("/sandbox/mail?to=nobody@example.com").body()).contains("邮箱 nobody@example.com 暂无邮件");
        HttpResponse<String> everyone = http.get("/sandbox/mail");
        assertThat(everyone.statusCode()).isEqualTo(200);
        assertThat(everyone.body()).contains("发给 zhou.yu@example.com 的邮件", "发给 wu.di@example.com 的邮件");
    }

    @Test
    void thePageEscapesWhatTheMailsSay() throws Exception {
        send("zheng.qi@example.com", "<img src=x onerror=alert(1)>", "<script>alert(1)</script>");

        String page = http.get("/sandbox/mail?to=zheng.qi@example.com").body();

        assertThat(page).doesNotContain("<script>alert(1)</script>").doesNotContain("<img src=x")
                .contains("&lt;script&gt;", "&lt;img src=x");
    }

    private void send(String to, String subject, String body) throws MessagingException {
        send(new String[] { to }, subject, body);
    }

    /** As notification-service sends: plain SMTP, UTF-8 subject and text, a sender with a Chinese name. */
    private void send(String[] to, String subject, String body) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(smtpPort));
        MimeMessage mail = new MimeMessage(Session.getInstance(properties));
        try {
            mail.setFrom(new InternetAddress("noreply@baokao.local", "上海市教育考试院", "UTF-8"));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        for (String recipient : to) {
            mail.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        }
        mail.setSubject(subject, "UTF-8");
        mail.setText(body, "UTF-8");
        Transport.send(mail);
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
