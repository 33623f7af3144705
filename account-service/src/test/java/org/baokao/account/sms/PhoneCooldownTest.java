package org.baokao.account.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.baokao.account.ratelimit.RateLimits;
import org.baokao.domain.Refusal;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.personaldata.LookupHasher;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ACC-6's production rule on a clock the test sets: a phone gets a new code for one purpose at most once every
 * 60 s, the value the service runs with unless configured otherwise. The stack {@code ./baokao test} starts is
 * configured with a few seconds instead, so that journeys need not sleep a minute; this test is what keeps the real
 * minute checked.
 */
@ServiceTest
class PhoneCooldownTest {

    private static final Instant FIRST = Instant.parse("2026-03-02T01:00:00Z");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Outbox outbox;
    @Autowired
    LookupHasher hasher;
    @Autowired
    SmsCodeProperties properties;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aPhoneGetsItsNextCodeSixtySecondsAfterTheLastAndIsToldHowLongToWaitBefore() {
        PhoneNumber phone = new PhoneNumber("13" + "%09d".formatted(ThreadLocalRandom.current().nextInt(1_000_000_000)));

        SmsCodes.SentCode first = sendAt(FIRST, phone);
        assertThat(first.resendAfterSeconds()).as("announced with the code").isEqualTo(60);

        assertThat(refusedAt(FIRST.plusSeconds(1), phone)).satisfies(tooFrequent(59));
        assertThat(refusedAt(FIRST.plusSeconds(59), phone)).satisfies(tooFrequent(1));
        // the last fraction of the minute is still "1 second", not "0" nor the daily cap
        assertThat(refusedAt(FIRST.plusMillis(59_600), phone)).satisfies(tooFrequent(1));

        assertThat(sendAt(FIRST.plusSeconds(60), phone).resendAfterSeconds()).isEqualTo(60);
        assertThat(refusedAt(FIRST.plusSeconds(119), phone)).as("counted from the second code")
                .satisfies(tooFrequent(1));
    }

    @Test
    void theCooldownIsPerPurposeAndTheDailyCapCountsEveryPurpose() {
        PhoneNumber phone = new PhoneNumber("13" + "%09d".formatted(ThreadLocalRandom.current().nextInt(1_000_000_000)));

        sendAt(FIRST, phone, SmsPurpose.REGISTER);
        // the first login right after registering: the login code goes out at once
        assertThat(sendAt(FIRST.plusSeconds(1), phone, SmsPurpose.LOGIN).resendAfterSeconds()).isEqualTo(60);
        assertThat(refusedAt(FIRST.plusSeconds(2), phone, SmsPurpose.LOGIN)).satisfies(tooFrequent(59));
        assertThat(refusedAt(FIRST.plusSeconds(3), phone, SmsPurpose.REGISTER)).satisfies(tooFrequent(57));

        // ten a day for the phone, whatever they were for
        SmsPurpose[] purposes = SmsPurpose.values();
        for (int i = 2; i < properties.phoneDailyCap(); i++) {
            sendAt(FIRST.plusSeconds(61L * i), phone, purposes[i % purposes.length]);
        }
        Refusal capped = refusedAt(FIRST.plusSeconds(61L * properties.phoneDailyCap()), phone,
                SmsPurpose.VERIFY_PHONE);
        assertThat(capped.code()).isEqualTo("DAILY_LIMIT_REACHED");
    }

    private SmsCodes.SentCode sendAt(Instant now, PhoneNumber phone) {
        return sendAt(now, phone, SmsPurpose.REGISTER);
    }

    private SmsCodes.SentCode sendAt(Instant now, PhoneNumber phone, SmsPurpose purpose) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        SmsCodes codes = new SmsCodes(jdbc, clock, outbox, new RateLimits(jdbc, clock), hasher, properties);
        String client = "10.7.0." + ThreadLocalRandom.current().nextInt(250);
        return transactions.execute(status -> codes.send(purpose, "sd", phone, null, null, client));
    }

    private Refusal refusedAt(Instant now, PhoneNumber phone) {
        return refusedAt(now, phone, SmsPurpose.REGISTER);
    }

    private Refusal refusedAt(Instant now, PhoneNumber phone, SmsPurpose purpose) {
        try {
            sendAt(now, phone, purpose);
        } catch (Refusal refused) {
            return refused;
        }
        throw new AssertionError("a code went out at " + now + ", " + Duration.between(FIRST, now) + " after the first");
    }

    private static Consumer<Refusal> tooFrequent(int seconds) {
        return refused -> {
            assertThat(refused.code()).isEqualTo("TOO_FREQUENT");
            assertThat(refused.kind()).isEqualTo(Refusal.Kind.TOO_MANY);
            assertThat(refused.getMessage()).isEqualTo("操作过于频繁，请" + seconds + "秒后再试");
            assertThat(refused.retryAfter()).contains(Duration.ofSeconds(seconds));
        };
    }
}
