package org.baokao.payment.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** PAY-2: channel by rule — Qingdao through UnionPay, other Shandong cities through China Everbright. */
@ServiceTest
class ChannelRuleApiTest {

    @LocalServerPort
    int port;

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
}
