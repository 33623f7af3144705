package org.baokao.account.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.baokao.account.account.Accounts;
import org.baokao.account.bureau.Bureaus;
import org.baokao.account.captcha.CaptchaRevealer;
import org.baokao.account.captcha.Captchas;
import org.baokao.account.support.DemoBureaus;
import org.baokao.account.support.LoginCalls;
import org.baokao.account.support.TestAccounts;
import org.baokao.events.enrollment.AdmissionNumberAssigned;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * SST-7, ACC-5: the 准考证号 enrollment-service assigns a new Shanghai candidate at approval (AdmissionNumberAssigned on
 * enrollment.events) becomes the account's, and the candidate logs in with it; an account keeps the number it holds,
 * a number another account of the bureau holds is not taken, and a replay changes nothing.
 */
@ServiceTest
class AssignedAdmissionNumbersTest {

    @TestBean(methodName = "org.baokao.account.support.RevealedCaptchas#shared")
    CaptchaRevealer captchaRevealer;

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Captchas captchas;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anApprovedNewCandidateLogsInWithTheAssignedNumber() {
        TestAccounts.Made account = shanghaiAccount();
        String number = newNumber();
        assertThat(login(number).status()).as("not yet theirs").isEqualTo(401);

        UUID eventId = UUID.randomUUID();
        AdmissionNumberAssigned assigned = assigned(account.id(), number);
        KafkaEvents.ofTestServers().publish(eventId, assigned, Instant.now(), account.id().toString());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> accounts.admissionNumberOf(account.id()).equals(Optional.of(number)));

        HttpProbe.Answer byNumber = login(number);
        assertThat(byNumber.status()).as(byNumber.body()).isEqualTo(200);
        assertThat(LoginCalls.claims(byNumber.json().path("access_token").asString()).path("sub").asString())
                .isEqualTo(account.id().toString());

        KafkaEvents.ofTestServers().publish(eventId, assigned, Instant.now(), account.id().toString());
        applied(publish(assigned));
        assertThat(accounts.admissionNumberOf(account.id())).as("a replay changes nothing").hasValue(number);
    }

    @Test
    void anAccountKeepsTheNumberItHolds() {
        TestAccounts.Made account = shanghaiAccount();
        String own = newNumber();
        accounts.assignAdmissionNumber(account.id(), own);

        applied(publish(assigned(account.id(), newNumber())));

        assertThat(accounts.admissionNumberOf(account.id())).hasValue(own);
    }

    /** Unique per bureau: on a clash the number stays with its holder and the other account gets none. */
    @Test
    void aNumberAnotherAccountOfTheBureauHoldsIsNotTaken() {
        TestAccounts.Made holder = shanghaiAccount();
        String number = newNumber();
        accounts.assignAdmissionNumber(holder.id(), number);
        TestAccounts.Made other = shanghaiAccount();

        applied(publish(assigned(other.id(), " " + number.toLowerCase() + " ")));

        assertThat(accounts.admissionNumberOf(other.id())).isEmpty();
        assertThat(LoginCalls.claims(login(number).json().path("access_token").asString()).path("sub").asString())
                .isEqualTo(holder.id().toString());
    }

    /** A number of another bureau's event, or for no account, is not kept (and does not block the consumer). */
    @Test
    void anEventOfAnotherBureauOrAnUnknownAccountChangesNothing() {
        TestAccounts.Made account = shanghaiAccount();

        applied(publish(new AdmissionNumberAssigned(account.id(), DemoBureaus.SD, DemoBureaus.SH_UNIVERSITY,
                newNumber(), Instant.now())));
        applied(publish(assigned(UUID.randomUUID(), newNumber())));

        assertThat(accounts.admissionNumberOf(account.id())).isEmpty();
    }

    private TestAccounts.Made shanghaiAccount() {
        return TestAccounts.create(accounts, encoder, DemoBureaus.SH, TestAccounts.randomIdNumber(), false);
    }

    /** 12 digits: year, university, sequence (docs/SELF-STUDY.md); random enough for tests sharing a database. */
    private static String newNumber() {
        return "26" + DemoBureaus.SH_UNIVERSITY + "%05d".formatted(ThreadLocalRandom.current().nextInt(100_000));
    }

    private static AdmissionNumberAssigned assigned(UUID candidateId, String number) {
        return new AdmissionNumberAssigned(candidateId, DemoBureaus.SH, DemoBureaus.SH_UNIVERSITY, number,
                Instant.now());
    }

    private static UUID publish(AdmissionNumberAssigned assigned) {
        return KafkaEvents.ofTestServers().publish(assigned);
    }

    /** Waits until the consumer has applied the event (its inbox row), whatever it did with it. */
    private void applied(UUID eventId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from messaging.inbox where consumer = ? and event_id = ?")
                .params(Bureaus.ENROLLMENT_CONSUMER, eventId).query(Long.class).single() == 1);
    }

    private HttpProbe.Answer login(String name) {
        return LoginCalls.withoutSms(DemoBureaus.SH, port, captchas, name, TestAccounts.PASSWORD);
    }
}
