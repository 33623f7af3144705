package org.baokao.account.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.baokao.account.bureau.Bureau;
import org.baokao.account.ratelimit.RateLimits;
import org.baokao.domain.Refusal;
import org.baokao.events.notification.EmailRequested;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.personaldata.LookupHasher;
import org.baokao.personaldata.Masking;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ACC-7 找回密码 by e-mail (SST-1): six-digit codes mailed to the account's address by notification-service
 * ({@link EmailRequested}, template {@value #TEMPLATE}, signed with the bureau's name), limited like the SMS codes
 * (ACC-6): single use, five minutes, five tries, 60 s between two codes to one address, daily caps per address, ID
 * number and client. Stored only as keyed hashes, with the account they are for: a code works for that account only,
 * and only while the address it went to is still the account's. Never logged, never returned.
 */
@Service
@EnableConfigurationProperties(EmailCodeProperties.class)
public class EmailCodes {

    static final String TEMPLATE = "PASSWORD_RESET_CODE";
    static final String PURPOSE = "RESET_PASSWORD";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Outbox outbox;
    private final RateLimits rateLimits;
    private final LookupHasher hasher;
    private final EmailCodeProperties properties;

    EmailCodes(JdbcClient jdbc, Clock clock, Outbox outbox, RateLimits rateLimits, LookupHasher hasher,
            EmailCodeProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.outbox = outbox;
        this.rateLimits = rateLimits;
        this.hasher = hasher;
        this.properties = properties;
    }

    /**
     * Mails a new code to {@code email}, the address of account {@code accountId} at {@code bureau}, unless a limit
     * refuses it; the account's earlier unused codes stop working.
     */
    @Transactional
    public SentEmailCode send(Bureau bureau, UUID accountId, String email, String idNumberHash, String clientAddress) {
        String emailHash = emailHash(email);
        rateLimits.acquire(properties.perAddress(), emailHash, "该邮箱获取验证码");
        rateLimits.acquire(properties.perIdNumber(), idNumberHash, "该证件号获取邮箱验证码");
        rateLimits.acquire(properties.perClient(), clientAddress, "获取邮箱验证码");

        Instant now = clock.instant();
        jdbc.sql("update email_code set used_at = ? where account_id = ? and purpose = ? and used_at is null")
                .params(Timestamp.from(now), accountId, PURPOSE).update();
        UUID id = UUID.randomUUID();
        String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
        jdbc.sql("""
                insert into email_code (id, purpose, bureau_code, account_id, email_hash, code_hash, created_at,
                    expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, PURPOSE, bureau.code(), accountId, emailHash, codeHash(id, code), Timestamp.from(now),
                        Timestamp.from(now.plus(properties.validFor())))
                .update();
        outbox.publish(new EmailRequested(id, accountId, email, TEMPLATE, Map.of("code", code, "minutes",
                String.valueOf(properties.validFor().toMinutes()), "bureauName", bureau.name()), now, bureau.code()));
        return new SentEmailCode(Masking.email(email), properties.addressCooldown().toSeconds(),
                properties.validFor().toSeconds());
    }

    /**
     * Uses up the account's current code if {@code code} matches and it went to {@code email} (the account's address
     * now); otherwise refuses and counts the try. The last code sent is the only one that works.
     */
    @Transactional(noRollbackFor = Refusal.class)
    public void consume(UUID accountId, String email, String code) {
        if (code == null || !code.strip().matches("[0-9]{6}")) {
            throw Refusal.invalid("EMAIL_CODE_FORMAT", "请输入6位数字邮箱验证码");
        }
        Instant now = clock.instant();
        Current current = current(accountId, now)
                .filter(found -> found.emailHash().equals(emailHash(email)))
                .orElseThrow(() -> Refusal.invalid("EMAIL_CODE_EXPIRED", "邮箱验证码已失效，请重新获取"));
        if (!MessageDigest.isEqual(current.codeHash().getBytes(StandardCharsets.US_ASCII),
                codeHash(current.id(), code.strip()).getBytes(StandardCharsets.US_ASCII))) {
            boolean lastTry = current.failedAttempts() + 1 >= properties.maxAttempts();
            jdbc.sql("update email_code set failed_attempts = failed_attempts + 1, used_at = ? where id = ?")
                    .params(lastTry ? Timestamp.from(now) : null, current.id()).update();
            throw Refusal.invalid("EMAIL_CODE_WRONG", lastTry
                    ? "邮箱验证码错误次数过多，请重新获取"
                    : "邮箱验证码错误，请核对后重新输入");
        }
        jdbc.sql("update email_code set used_at = ? where id = ?").params(Timestamp.from(now), current.id()).update();
    }

    private Optional<Current> current(UUID accountId, Instant now) {
        return jdbc.sql("""
                select id, email_hash, code_hash, failed_attempts from email_code
                where account_id = ? and purpose = ? and used_at is null and expires_at > ?
                order by created_at desc limit 1 for update""")
                .params(accountId, PURPOSE, Timestamp.from(now))
                .query((row, n) -> new Current(row.getObject("id", UUID.class), row.getString("email_hash"),
                        row.getString("code_hash"), row.getInt("failed_attempts")))
                .optional();
    }

    /** An address is one mailbox whatever the case of its letters. */
    private String emailHash(String email) {
        return hasher.hash("email:" + email.strip().toLowerCase(Locale.ROOT));
    }

    private String codeHash(UUID id, String code) {
        return hasher.hash("email-code:" + id + ":" + code);
    }

    private record Current(UUID id, String emailHash, String codeHash, int failedAttempts) {
    }

    /** What the candidate is told: where the code went (masked) and when they may ask again. */
    public record SentEmailCode(String maskedEmail, long resendAfterSeconds, long validForSeconds) {
    }
}
