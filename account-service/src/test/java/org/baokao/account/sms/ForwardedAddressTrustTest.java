package org.baokao.account.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.InetAddress;
import java.net.http.HttpRequest;
import java.util.Optional;

import org.baokao.account.captcha.CaptchaRevealer;
import org.baokao.account.captcha.Captchas;
import org.baokao.account.support.ClientCalls;
import org.baokao.account.support.RevealedCaptchas;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.MachineAddresses;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * ACC-6 and GW-1: account-service caps SMS codes per client address and believes {@code X-Forwarded-For} from the
 * gateway only (loopback here, {@code server.tomcat.remoteip.internal-proxies} in baokao-service-defaults.yml). A
 * caller that reaches the service directly from the network, from a private-range address that Tomcat's default
 * would have taken for a proxy, counts as its own address whatever it forges. The service listens on every
 * address, as it would if nothing bound it to loopback, and is called through this machine's own private-range
 * address.
 */
@ServiceTest
class ForwardedAddressTrustTest {

    private static final int DAILY_CAP = 200; // SmsCodeProperties' clientDailyCap
    private static final int LEFT = 3;

    @TestBean(methodName = "org.baokao.account.support.RevealedCaptchas#shared")
    CaptchaRevealer captchaRevealer;

    @LocalServerPort
    int port;
    @Autowired
    Captchas captchas;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aDirectCallFromTheNetworkIsCountedByItsRealAddressWhateverItForges() {
        Optional<InetAddress> machine = MachineAddresses.privateRange();
        assumeThat(machine).as("an address of this machine in a private range (10/8, 172.16/12, 192.168/16, fc00::/7)")
                .isPresent();
        String real = machine.get().getHostAddress().replaceFirst("%.*$", "");
        capAlmostReached(real);
        HttpProbe direct = HttpProbe.at(MachineAddresses.baseUrl(machine.get(), port));

        // the last codes of the day for this address, each request claiming to come from someone else
        for (int i = 0; i < LEFT; i++) {
            assertThat(requestCode(direct, "10.77.0." + (i + 1)).status()).as("code %d", i + 1).isEqualTo(202);
        }
        HttpProbe.Answer refused = requestCode(direct, "10.77.0.99");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.problemCode()).isEqualTo("DAILY_LIMIT_REACHED");
        assertThat(countedFor(real)).isEqualTo(DAILY_CAP);
        assertThat(jdbc.sql("select count(*) from rate_limit where scope = 'SMS_CLIENT' and subject like '10.77.0.%'")
                .query(Long.class).single()).as("forged addresses counted").isZero();
    }

    @Test
    void theGatewaysForwardedAddressIsStillBelievedFromLoopback() {
        String client = ClientCalls.randomClientAddress();

        assertThat(requestCode(HttpProbe.onLocalPort(port), client).status()).isEqualTo(202);

        assertThat(countedFor(client)).isEqualTo(1);
    }

    private void capAlmostReached(String address) {
        jdbc.sql("""
                insert into rate_limit (scope, subject, day, day_count, last_at)
                values ('SMS_CLIENT', ?, (now() at time zone 'Asia/Shanghai')::date, ?, now())
                on conflict (scope, subject) do update set day = excluded.day, day_count = excluded.day_count""")
                .params(address, DAILY_CAP - LEFT).update();
    }

    private int countedFor(String address) {
        return jdbc.sql("select day_count from rate_limit where scope = 'SMS_CLIENT' and subject = ?")
                .params(address).query(Integer.class).optional().orElse(0);
    }

    private HttpProbe.Answer requestCode(HttpProbe http, String forwardedFor) {
        var issued = captchas.issue();
        String phone = "13" + String.format("%09d", (long) (Math.random() * 1_000_000_000L));
        String json = "{\"phone\":\"" + phone + "\",\"captchaId\":\"" + issued.captchaId() + "\",\"captcha\":\""
                + RevealedCaptchas.SHARED.answerOf(issued.captchaId()) + "\"}";
        return http.send(http.request("/api/accounts/public/sms-codes/registration")
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }
}
