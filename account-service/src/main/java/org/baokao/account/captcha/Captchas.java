package org.baokao.account.captcha;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import org.baokao.domain.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Image captchas: issued with a random answer whose hash alone is stored; each answers exactly one attempt,
 * case-insensitively, before it expires. The answer itself never leaves the server, except to the sandbox
 * on the local stack and in tests ({@link CaptchaRevealer}).
 */
@Service
public class Captchas {

    // no 0/O, 1/I/L: a person must not have to guess which one is meant
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaptchaProperties properties;
    private final CaptchaRevealer revealer;

    Captchas(JdbcClient jdbc, Clock clock, CaptchaProperties properties, CaptchaRevealer revealer) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.revealer = revealer;
    }

    public IssuedCaptcha issue() {
        UUID id = UUID.randomUUID();
        String answer = randomAnswer();
        Instant expiresAt = clock.instant().plus(properties.validFor());
        jdbc.sql("insert into captcha (id, answer_hash, expires_at) values (?, ?, ?)")
                .params(id, hash(id, answer), Timestamp.from(expiresAt))
                .update();
        revealer.reveal(id, answer);
        return new IssuedCaptcha(id, CaptchaImage.dataUrl(answer), expiresAt);
    }

    /**
     * Uses the captcha up, right or wrong, and refuses the request unless the answer was right and in time.
     * A wrong answer therefore needs a new captcha: no guessing against one image.
     */
    public void verify(UUID captchaId, String answer) {
        if (captchaId == null || answer == null || answer.isBlank()) {
            throw Refusal.invalid("CAPTCHA_REQUIRED", "请输入图片验证码");
        }
        String storedHash = jdbc.sql("""
                update captcha set used_at = ? where id = ? and used_at is null and expires_at > ?
                returning answer_hash""")
                .params(Timestamp.from(clock.instant()), captchaId, Timestamp.from(clock.instant()))
                .query(String.class).optional().orElse(null);
        if (storedHash == null) {
            throw Refusal.invalid("CAPTCHA_EXPIRED", "图片验证码已失效，请点击图片刷新后重新输入");
        }
        if (!MessageDigest.isEqual(storedHash.getBytes(StandardCharsets.US_ASCII),
                hash(captchaId, answer.strip().toUpperCase(Locale.ROOT)).getBytes(StandardCharsets.US_ASCII))) {
            throw Refusal.invalid("CAPTCHA_WRONG", "图片验证码错误，请点击图片刷新后重新输入");
        }
    }

    /**
     * {@link #verify}, then {@code work}; if a limit refuses the work (429: the phone's cooldown, a daily cap), the
     * captcha is given back: the candidate did nothing wrong with it, and after waiting the seconds said may send
     * the same answer again (issue 22: a burnt captcha on every cooldown made the first login a guessing game). Any
     * other refusal keeps it used up, so a captcha still answers one attempt at most.
     */
    public <T> T verifyThen(UUID captchaId, String answer, Supplier<T> work) {
        verify(captchaId, answer);
        try {
            return work.get();
        } catch (Refusal refused) {
            if (refused.kind() == Refusal.Kind.TOO_MANY) {
                jdbc.sql("update captcha set used_at = null where id = ? and expires_at > ?")
                        .params(captchaId, Timestamp.from(clock.instant())).update();
            }
            throw refused;
        }
    }

    /** Removes captchas that expired a while ago; returns how many. */
    public int purgeExpired() {
        return jdbc.sql("delete from captcha where expires_at < ?")
                .param(Timestamp.from(clock.instant().minus(properties.validFor())))
                .update();
    }

    private String randomAnswer() {
        StringBuilder answer = new StringBuilder(properties.length());
        for (int i = 0; i < properties.length(); i++) {
            answer.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return answer.toString();
    }

    private static String hash(UUID id, String answer) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(id.toString().getBytes(StandardCharsets.US_ASCII));
            sha.update(answer.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record IssuedCaptcha(UUID captchaId, String image, Instant expiresAt) {
    }
}
