package org.baokao.payment.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.baokao.payment.TestBureaus;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.ServiceTest;
import org.baokao.web.bureau.BureauAddress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PAY-2: channel by rule — Qingdao through UnionPay, other Shandong cities through China Everbright; each bureau's
 * own rules at its address (BUR-1).
 */
@ServiceTest
class ChannelRuleApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void qingdaoPaysThroughUnionPay() {
        Answer answer = HttpProbe.onLocalPort(port).get("/api/payments/public/channels/370200");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("channel").asString()).isEqualTo("UNIONPAY");
        assertThat(answer.json().path("channelName").asString()).isEqualTo("中国银联");
    }

    @Test
    void everyOtherShandongCityPaysThroughEverbright() {
        Answer answer = HttpProbe.onLocalPort(port).get("/api/payments/public/channels");

        long shandong = 0;
        for (var rule : answer.json()) {
            String region = rule.path("regionCode").asString();
            if (region.startsWith("37")) {
                shandong++;
                assertThat(rule.path("channel").asString()).as(region)
                        .isEqualTo(region.equals("370200") ? "UNIONPAY" : "CEB");
            }
        }
        assertThat(shandong).isEqualTo(16);
    }

    @Test
    void aRegionWithoutARuleIsAClearNotFound() {
        Answer answer = HttpProbe.onLocalPort(port).get("/api/payments/public/channels/999999");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.problemCode()).isEqualTo("REGION_WITHOUT_CHANNEL");
        assertThat(answer.json().path("detail").asString()).contains("未开通网上缴费");
    }

    @Test
    void eachBureauShowsItsOwnRules() {
        TestBureaus.configure(jdbc, TestBureaus.shanghai());
        HttpProbe http = HttpProbe.onLocalPort(port);

        Answer shanghai = http.send(http.request("/api/payments/public/channels").header(BureauAddress.HEADER, "sh").GET());
        Answer pudong = http.send(http.request("/api/payments/public/channels/3101").header(BureauAddress.HEADER, "sh")
                .GET());
        Answer qingdao = http.send(http.request("/api/payments/public/channels/370200").header(BureauAddress.HEADER, "sh")
                .GET());

        assertThat(shanghai.json().valueStream().map(rule -> rule.path("regionCode").asString() + " "
                + rule.path("regionName").asString() + " " + rule.path("channel").asString()).toList())
                .containsExactly("310000 上海市 PUBLIC_PAYMENT_PLATFORM");
        assertThat(pudong.json().path("channelName").asString()).isEqualTo("公共支付平台");
        assertThat(qingdao.problemCode()).as("Shandong's rule is not Shanghai's").isEqualTo("REGION_WITHOUT_CHANNEL");
    }

    @Test
    void aBureauNotKnownHereIsNotFound() {
        HttpProbe http = HttpProbe.onLocalPort(port);

        Answer answer = http.send(http.request("/api/payments/public/channels")
                .header(BureauAddress.HEADER, TestBureaus.madeUpCode()).GET());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.problemCode()).isEqualTo("BUREAU_NOT_FOUND");
    }
}
