package org.baokao.payment.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baokao.payment.TestBureaus.bureau;
import static org.baokao.payment.TestBureaus.configure;
import static org.baokao.payment.TestBureaus.madeUpCode;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.baokao.events.enrollment.BureauConfigured.PaymentRule;
import org.baokao.messaging.deadletter.DeadLetter;
import org.baokao.messaging.deadletter.DeadLetters;
import org.baokao.payment.PaymentJourney;
import org.baokao.payment.TestBureaus;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.ServiceTest;
import org.baokao.web.bureau.BureauAddress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * PAY-2 with bureaus (BUR-1): an order is routed by the channel rules of its own bureau, kept from enrollment-service's
 * BureauConfigured; a confirmation those rules cannot route yet makes no order (not one routed by another bureau's
 * rules) and is made into one as soon as a configuration of its bureau can route it.
 */
@ServiceTest(sandbox = true)
class BureauRoutingTest {

    private static final Instant NOW = Instant.now();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DeadLetters deadLetters;

    @Test
    void aShanghaiOrderPaysThroughThePublicPaymentPlatformByShanghaisRulesAndQingdaoStillThroughUnionPay() {
        configure(jdbc, TestBureaus.shanghai());
        PaymentJourney shanghai = new PaymentJourney(port, "sh");
        shanghai.confirmed("3101");
        PaymentJourney qingdao = new PaymentJourney(port, "sd");
        qingdao.confirmed("3702");

        JsonNode selfStudy = shanghai.awaitOrder();
        assertThat(selfStudy.path("bureau").asString()).isEqualTo("sh");
        assertThat(selfStudy.path("channel").asString()).isEqualTo("PUBLIC_PAYMENT_PLATFORM");
        JsonNode upgrade = qingdao.awaitOrder();
        assertThat(upgrade.path("bureau").asString()).isEqualTo("sd");
        assertThat(upgrade.path("channel").asString()).isEqualTo("UNIONPAY");
    }

    @Test
    void theSameCityIsRoutedByTheRulesOfTheOrdersBureau() {
        String code = madeUpCode();
        configure(jdbc, bureau(code, "测试省教育考试院", NOW, new PaymentRule("370000", "PUBLIC_PAYMENT_PLATFORM")));
        PaymentJourney ours = new PaymentJourney(port, code);
        ours.confirmed("3702");
        PaymentJourney shandongs = new PaymentJourney(port);
        shandongs.confirmed("3702");

        assertThat(ours.awaitOrder().path("channel").asString()).as("its province rule, not Shandong's city rule")
                .isEqualTo("PUBLIC_PAYMENT_PLATFORM");
        assertThat(shandongs.awaitOrder().path("channel").asString()).isEqualTo("UNIONPAY");
    }

    @Test
    void aConfirmationOfABureauNotConfiguredYetMakesNoOrderUntilItsRulesArrive() {
        String code = madeUpCode();
        PaymentJourney candidate = new PaymentJourney(port, code);

        UUID eventId = confirm(candidate, "3101");

        DeadLetter held = awaitDeadLetter(eventId);
        assertThat(held.error()).startsWith("OrderNotRoutableException: bureau " + code + " is not configured here yet");
        assertThat(candidate.orders()).isEmpty();

        configure(jdbc, bureau(code, "测试市教育考试院", NOW, new PaymentRule("310000", "PUBLIC_PAYMENT_PLATFORM")));

        JsonNode order = candidate.awaitOrder();
        assertThat(order.path("bureau").asString()).isEqualTo(code);
        assertThat(order.path("channel").asString()).isEqualTo("PUBLIC_PAYMENT_PLATFORM");
        PaymentJourney.await(() -> deadLetters.find(held.id()).orElseThrow().replayedAt(), replayed -> replayed != null,
                "the held confirmation replayed");
        assertThat(candidate.awaitOrders(1)).hasSize(1);
    }

    @Test
    void aLocationItsBureauHasNoRuleForMakesNoOrderUntilTheBureauAddsOne() {
        String code = madeUpCode();
        configure(jdbc, bureau(code, "测试市教育考试院", NOW, new PaymentRule("310000", "PUBLIC_PAYMENT_PLATFORM")));
        PaymentJourney candidate = new PaymentJourney(port, code);

        UUID eventId = confirm(candidate, "3702");

        assertThat(awaitDeadLetter(eventId).error()).isEqualTo("OrderNotRoutableException: bureau " + code
                + " has no payment channel rule for exam location 3702 nor its province: add one to the bureau's"
                + " configuration");
        assertThat(candidate.orders()).isEmpty();

        configure(jdbc, bureau(code, "测试市教育考试院", NOW.plusSeconds(1),
                new PaymentRule("310000", "PUBLIC_PAYMENT_PLATFORM"), new PaymentRule("370200", "CEB")));

        assertThat(candidate.awaitOrder().path("channel").asString()).isEqualTo("CEB");
    }

    @Test
    void aConfigurationOlderThanTheOneHeldIsIgnored() {
        String code = madeUpCode();
        Instant saved = Instant.parse("2026-05-01T08:00:00Z");
        configure(jdbc, bureau(code, "新名称考试院", saved, new PaymentRule("370000", "CEB")));

        configure(jdbc, bureau(code, "旧名称考试院", saved.minusSeconds(60), new PaymentRule("370000", "UNIONPAY"),
                new PaymentRule("310000", "PUBLIC_PAYMENT_PLATFORM")));

        HttpProbe http = HttpProbe.onLocalPort(port);
        JsonNode rules = http.send(http.request("/api/payments/public/channels").header(BureauAddress.HEADER, code)
                .GET()).json();
        assertThat(rules.valueStream().map(rule -> rule.path("regionCode").asString() + rule.path("channel").asString())
                .toList()).containsExactly("370000CEB");
        PaymentJourney candidate = new PaymentJourney(port, code);
        candidate.confirmed("3702");
        assertThat(candidate.awaitOrder().path("channel").asString()).isEqualTo("CEB");
    }

    @Test
    void theBankPageNamesTheBureauOfTheOrder() {
        configure(jdbc, TestBureaus.shanghai());
        PaymentJourney candidate = new PaymentJourney(port, "sh");
        candidate.confirmed("3101");
        String orderId = candidate.awaitOrder().path("id").asString();

        String payUrl = candidate.pay(orderId, "k").json().path("payUrl").asString();

        String page = candidate.bank.get(payUrl.substring(payUrl.indexOf("/sandbox/"))).body();
        assertThat(page).contains("上海市教育考试院").doesNotContain("山东");
    }

    private static UUID confirm(PaymentJourney candidate, String location) {
        return candidate.confirmed(location, PaymentJourney.WINDOW_OPENS, PaymentJourney.WINDOW_CLOSES, "00:00",
                "24:00");
    }

    private DeadLetter awaitDeadLetter(UUID eventId) {
        return PaymentJourney.await(() -> deadLetter(eventId), Optional::isPresent, "a dead letter for " + eventId)
                .orElseThrow();
    }

    private Optional<DeadLetter> deadLetter(UUID eventId) {
        return deadLetters.open(1000).stream().filter(d -> eventId.equals(d.eventId())).findFirst();
    }
}
