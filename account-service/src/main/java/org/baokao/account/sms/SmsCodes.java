package org.baokao.account.sms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.baokao.account.ratelimit.RateLimits;
import org.baokao.domain.Refusal;
import org.baokao.events.notification.SmsRequested;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.personaldata.LookupHasher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SMS verification codes (ACC-6): six digits, single use, five minutes, a few tries; the code is sent by
 * notification-service from an event and stored here only as a keyed hash. Never logged, never returned. A code
 * belongs to a bureau (考试院, BUR-1): it goes out with that bureau's signature and works only there, like the
 * account it is for. The limits are the phone's and the client's, whatever the bureau.
 */
@Service
public class SmsCodes {

    static final String TEMPLATE = "VERIFICATION_CODE";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Outbox outbox;
    private final RateLimits rateLimits;
    private final LookupHasher hasher;
    private final SmsCodeProperties properties;

    SmsCodes(JdbcClient jdbc, Clock clock, Outbox outbox, RateLimits rateLimits, LookupHasher hasher,
            SmsCodeProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.outbox = outbox;
        this.rateLimits = rateLimits;
        this.hasher = hasher;
        this.properties = properties;
    }

    /**
     * Sends a new code to {@code phone} for {@code bureau} unless a limit refuses it; {@code idNumberHash} (may be
     * null) and {@code clientAddress} are limited too. Earlier unused codes for the same phone, purpose and bureau
     * stop working.
     */
    @Transactional
    public SentCode send(SmsPurpose purpose, String bureau, PhoneNumber phone, UUID candidateId, String idNumberHash,
            String clientAddress) {
        String phoneHash = hasher.hash(phone.value());
        rateLimits.acquire(properties.perPhoneAndPurpose(), phoneHash + ":" + purpose.name(),
                "该手机号获取短信验证码");
        rateLimits.acquire(properties.perPhone(), phoneHash, "该手机号获取短信验证码");
        if (idNumberHash != null) {
            rateLimits.acquire(properties.perIdNumber(), idNumberHash, "该证件号获取短信验证码");
        }
        rateLimits.acquire(properties.perClient(), clientAddress, "获取短信验证码");

        Instant now = clock.instant();
        jdbc.sql("""
                update sms_code set used_at = ?
                where phone_hash = ? and purpose = ? and bureau_code = ? and used_at is null""")
                .params(Timestamp.from(now), phoneHash, purpose.name(), bureau).update();
        UUID id = UUID.randomUUID();
        String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
        jdbc.sql("""
                insert into sms_code (id, purpose, bureau_code, phone_hash, code_hash, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, purpose.name(), bureau, phoneHash, codeHash(id, code), Timestamp.from(now),
                        Timestamp.from(now.plus(properties.validFor())))
                .update();
        outbox.publish(new SmsRequested(id, candidateId, phone.value(), TEMPLATE,
                Map.of("code", code, "minutes", String.valueOf(properties.validFor().toMinutes())), now, bureau));
        return new SentCode(phone.toString(), properties.phoneCooldown().toSeconds(),
                properties.validFor().toSeconds());
    }

    /**
     * Uses up the phone's current code for {@code purpose} at {@code bureau} if {@code code} matches; otherwise
     * refuses and counts the try. The last code sent is the only one that works.
     */
    @Transactional(noRollbackFor = Refusal.class)
    public void consume(SmsPurpose purpose, String bureau, PhoneNumber phone, String code) {
        if (code == null || !code.strip().matches("[0-9]{6}")) {
            throw Refusal.invalid("SMS_CODE_FORMAT", "请输入6位数字短信验证码");
        }
        Instant now = clock.instant();
        var current = current(purpose, bureau, phone, now)
                .orElseThrow(() -> Refusal.invalid("SMS_CODE_EXPIRED", "短信验证码已失效，请重新获取"));
        if (!matches(current, code)) {
            boolean lastTry = countFailedTry(current, now);
            throw Refusal.invalid("SMS_CODE_WRONG", lastTry
                    ? "短信验证码错误次数过多，请重新获取"
                    : "短信验证码错误，请核对后重新输入");
        }
        useUp(current, now);
    }

    /** Whether the phone has a code for {@code purpose} at {@code bureau} that may still be used. */
    public boolean hasLiveCode(SmsPurpose purpose, String bureau, PhoneNumber phone) {
        return jdbc.sql("""
                select exists (select 1 from sms_code
                where phone_hash = ? and purpose = ? and bureau_code = ? and used_at is null and expires_at > ?)""")
                .params(hasher.hash(phone.value()), purpose.name(), bureau, Timestamp.from(clock.instant()))
                .query(Boolean.class).single();
    }

    /**
     * One attempt of a form that needs the code and other factors (ACC-5 login: the password, checked by the
     * caller before): the code is used up only when everything is right. A wrong code, or a right code with a wrong
     * other factor, spends one of its tries, so the captcha behind the code covers a few attempts, not unlimited
     * ones. Says which it was, for the caller to decide what else counts.
     */
    @Transactional
    public Attempt attempt(SmsPurpose purpose, String bureau, PhoneNumber phone, String code,
            boolean otherFactorsRight) {
        Instant now = clock.instant();
        Current current = current(purpose, bureau, phone, now).orElse(null);
        if (current == null) {
            return Attempt.CODE_WRONG;
        }
        boolean codeRight = code != null && code.strip().matches("[0-9]{6}") && matches(current, code);
        if (!codeRight || !otherFactorsRight) {
            countFailedTry(current, now);
            return codeRight ? Attempt.OTHER_FACTOR_WRONG : Attempt.CODE_WRONG;
        }
        useUp(current, now);
        return Attempt.ACCEPTED;
    }

    /** How an {@link #attempt} went. */
    public enum Attempt {
        /** No live code, or not this one: whoever tried has not shown they hold the phone. */
        CODE_WRONG,
        /** The code was right (the phone is in hand), another factor was not. */
        OTHER_FACTOR_WRONG,
        /** Everything right; the code is used up. */
        ACCEPTED
    }

    private boolean matches(Current current, String code) {
        return MessageDigest.isEqual(current.codeHash().getBytes(StandardCharsets.US_ASCII),
                codeHash(current.id(), code.strip()).getBytes(StandardCharsets.US_ASCII));
    }

    private void useUp(Current current, Instant now) {
        jdbc.sql("update sms_code set used_at = ? where id = ?").params(Timestamp.from(now), current.id()).update();
    }

    /** Returns whether that was the code's last try (it is used up then). */
    private boolean countFailedTry(Current current, Instant now) {
        boolean lastTry = current.failedAttempts() + 1 >= properties.maxAttempts();
        jdbc.sql("update sms_code set failed_attempts = failed_attempts + 1, used_at = ? where id = ?")
                .params(lastTry ? Timestamp.from(now) : null, current.id()).update();
        return lastTry;
    }

    private Optional<Current> current(SmsPurpose purpose, String bureau, PhoneNumber phone, Instant now) {
        return jdbc.sql("""
                select id, code_hash, failed_attempts from sms_code
                where phone_hash = ? and purpose = ? and bureau_code = ? and used_at is null and expires_at > ?
                order by created_at desc limit 1 for update""")
                .params(hasher.hash(phone.value()), purpose.name(), bureau, Timestamp.from(now))
                .query((row, n) -> new Current(row.getObject("id", UUID.class), row.getString("code_hash"),
                        row.getInt("failed_attempts")))
                .optional();
    }

    private String codeHash(UUID id, String code) {
        return hasher.hash("sms-code:" + id + ":" + code);
    }

    private record Current(UUID id, String codeHash, int failedAttempts) {
    }

    /** What the candidate is told: where the code went (masked) and when they may ask again. */
    public record SentCode(String maskedPhone, long resendAfterSeconds, long validForSeconds) {
    }
}
