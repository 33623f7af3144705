package org.baokao.account.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.baokao.account.account.Accounts;
import org.baokao.account.support.DemoBureaus;
import org.baokao.account.support.TestAccounts;
import org.baokao.events.notification.SmsRequested;
import org.baokao.events.payment.PaymentSucceeded;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** PAY-4 / NOT-1: one payment, one SMS to the account's phone, however often the event arrives. */
@ServiceTest
class PaymentNoticesTest {

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void aPaymentAsksForOneSmsEvenWhenTheEventArrivesTwice() {
        TestAccounts.Made account = TestAccounts.create(accounts, encoder, false);
        PaymentSucceeded paid = new PaymentSucceeded(UUID.randomUUID(), UUID.randomUUID(), account.id(), 23000,
                "UNIONPAY", "UP2026" + UUID.randomUUID().toString().substring(0, 8), Instant.now(),
                "2026年普通高等教育专升本考试");
        UUID eventId = UUID.randomUUID();
        KafkaEvents kafka = KafkaEvents.ofTestServers();

        kafka.publish(eventId, paid, Instant.now(), account.id().toString());
        kafka.publish(eventId, paid, Instant.now(), account.id().toString());

        assertThat(kafka.matching(SmsRequested.class, sms -> account.id().equals(sms.candidateId())
                && "PAYMENT_SUCCEEDED".equals(sms.template()), 1))
                .singleElement().satisfies(sms -> {
                    assertThat(sms.phone()).isEqualTo(account.phone());
                    assertThat(sms.params()).containsEntry("amount", "230.00")
                            .containsEntry("examName", "2026年普通高等教育专升本考试");
                    assertThat(sms.requestId()).isEqualTo(PaymentNotices.requestId(paid));
                    assertThat(sms.bureau()).isEqualTo("sd");
                });
    }

    @Test
    void bur1_theSmsIsAskedForTheAccountsBureau() {
        TestAccounts.Made account = TestAccounts.create(accounts, encoder, DemoBureaus.SH,
                TestAccounts.randomIdNumber(), false);
        PaymentSucceeded paid = new PaymentSucceeded(UUID.randomUUID(), UUID.randomUUID(), account.id(), 9000,
                "PUBLIC_PAYMENT_PLATFORM", "GP2026" + UUID.randomUUID().toString().substring(0, 8), Instant.now(),
                "2026年10月上海市高等教育自学考试");

        KafkaEvents.ofTestServers().publish(UUID.randomUUID(), paid, Instant.now(), account.id().toString());

        assertThat(KafkaEvents.ofTestServers().matching(SmsRequested.class,
                sms -> account.id().equals(sms.candidateId()) && "PAYMENT_SUCCEEDED".equals(sms.template()), 1))
                .singleElement().satisfies(sms -> assertThat(sms.bureau()).isEqualTo("sh"));
    }
}
