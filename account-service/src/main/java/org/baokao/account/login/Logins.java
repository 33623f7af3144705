package org.baokao.account.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.baokao.account.account.Accounts;
import org.baokao.account.account.CandidateAccount;
import org.baokao.account.identity.IdDocument;
import org.baokao.account.ratelimit.RateLimits;
import org.baokao.account.sms.PhoneNumber;
import org.baokao.account.sms.SmsCodes;
import org.baokao.account.sms.SmsPurpose;
import org.baokao.account.token.AccessTokens;
import org.baokao.account.token.RefreshTokens;
import org.baokao.domain.Refusal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * ACC-5 login, as the bureau (考试院, BUR-1) wants it; either way one generic answer for any wrong factor, five
 * failures lock the account for a while, attempts are capped per account and per client, and only an account of
 * the addressed bureau is found (a person's accounts at two bureaus are two accounts).
 *
 * <p>With an SMS code (Shandong): ID number + password + SMS code. The form's image captcha is solved once, by
 * 获取验证码 (seed 1.2: the login page has one captcha, typed before the code is asked for): the login's SMS code can
 * only be had through a solved captcha, so a live code is what lets an attempt in. An attempt without one is refused
 * before the password is hashed and before it counts against the account, so nobody can make the server hash without
 * solving a captcha; each attempt with one spends a try of that code (ACC-6: five), so one captcha covers a few
 * attempts, not unlimited ones. Only attempts with the right code (the phone in hand) count toward the lockout: a
 * wrong code learns nothing about the password, and nobody without the phone can lock the account.
 *
 * <p>Without (Shanghai): ID number or 准考证号 + password, after an image captcha solved in the same request (the
 * caller verifies it first, so here too nobody makes the server hash without solving one); every wrong password
 * counts toward the lockout.
 */
@Service
public class Logins {

    static final String GENERIC_FAILURE = "证件号码、密码或短信验证码错误，请核对后重新输入";
    static final String LOGIN_NAME_FAILURE = "证件号码/准考证号或密码错误，请核对后重新输入";

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final SmsCodes smsCodes;
    private final RateLimits rateLimits;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final LoginProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String unknownAccountHash;
    private final TransactionTemplate transactions;

    Logins(Accounts accounts, PasswordEncoder passwords, SmsCodes smsCodes, RateLimits rateLimits,
            AccessTokens accessTokens, RefreshTokens refreshTokens, LoginProperties properties, Clock clock,
            MeterRegistry meters, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.passwords = passwords;
        this.smsCodes = smsCodes;
        this.rateLimits = rateLimits;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        // verified against when the ID has no account, so both answers take as long
        this.unknownAccountHash = passwords.encode("no-such-account-" + System.nanoTime());
    }

    /**
     * The password is checked outside any transaction: hashing waits its turn (BoundedPasswordEncoder) and must
     * not hold a database connection meanwhile. The SMS code and the outcome are then settled in one transaction.
     */
    public LoggedIn login(String bureau, IdDocument id, String password, String smsCode, String clientAddress) {
        Instant now = clock.instant();
        rateLimits.acquire(properties.perClient(), clientAddress, "登录尝试");
        // an unknown ID cannot have a code either (codes go to an account's phone): the same quick refusal
        CandidateAccount account = accounts.findByIdNumber(bureau, id)
                .filter(found -> found.phone() != null
                        && smsCodes.hasLiveCode(SmsPurpose.LOGIN, bureau, new PhoneNumber(found.phone())))
                .orElseThrow(() -> failed("no-code"));
        rateLimits.acquire(properties.perAccount(), accountSubject(account), "该账号登录尝试");
        refuseIfLocked(account, now);
        boolean passwordRight = password != null && passwords.matches(password, account.passwordHash());
        // committed either way: a failure must count even though the login is refused
        LoggedIn loggedIn = transactions.execute(status -> switch (smsCodes.attempt(SmsPurpose.LOGIN, bureau,
                new PhoneNumber(account.phone()), smsCode, passwordRight)) {
            // without the phone nothing is learned about the password (one answer for all): the attempt spends a
            // try of the code but does not count toward the account's lockout
            case CODE_WRONG -> null;
            case OTHER_FACTOR_WRONG -> {
                accounts.recordFailedLogin(account.id(), properties.maxFailures(), now.plus(properties.lockFor()));
                yield null;
            }
            case ACCEPTED -> {
                accounts.recordSuccessfulLogin(account.id());
                yield startSession(account);
            }
        });
        if (loggedIn == null) {
            throw failed("wrong");
        }
        meters.counter("baokao.logins", "outcome", "success").increment();
        return loggedIn;
    }

    /**
     * Login without an SMS code (Shanghai): the caller has verified the request's image captcha. The account is the
     * bureau's account of the ID typed or, when no account has that ID, of the 准考证号 typed.
     */
    public LoggedIn loginWithPassword(String bureau, LoginName name, String password, String clientAddress) {
        Instant now = clock.instant();
        CandidateAccount account = openToAttempts(named(bureau, name), bureau + ":" + accounts.lookupHash(name.text()),
                password, clientAddress, now, LOGIN_NAME_FAILURE);
        refuseWrongPassword(account, password, now, LOGIN_NAME_FAILURE);
        LoggedIn loggedIn = transactions.execute(status -> {
            accounts.recordSuccessfulLogin(account.id());
            return startSession(account);
        });
        meters.counter("baokao.logins", "outcome", "success").increment();
        return loggedIn;
    }

    private LoggedIn startSession(CandidateAccount account) {
        RefreshTokens.Issued session = refreshTokens.startSession(account.id(), account.bureau());
        return new LoggedIn(accessTokens.issue(account.id(), account.bureau(), session.sessionId()), session.token(),
                accessTokens.validForSeconds(), account.mustChangePassword(), !account.phoneVerified());
    }

    /**
     * ACC-8 without the old phone: the password is all that proves who asks, so it is checked like a login (the
     * same caps, lockout and generic answer) and the account id is returned only when it is right. The account is
     * named as at a login without an SMS code: by ID number or 准考证号 (an imported 在籍考生 may know only the latter).
     */
    public UUID passwordHolder(String bureau, LoginName name, String password, String clientAddress) {
        Instant now = clock.instant();
        CandidateAccount account = openToAttempts(named(bureau, name), bureau + ":" + accounts.lookupHash(name.text()),
                password, clientAddress, now, LOGIN_NAME_FAILURE);
        refuseWrongPassword(account, password, now, LOGIN_NAME_FAILURE);
        return account.id();
    }

    /** The bureau's account of the ID typed or, when no account has that ID, of the 准考证号 typed. */
    private Optional<CandidateAccount> named(String bureau, LoginName name) {
        return name.id().flatMap(id -> accounts.findByIdNumber(bureau, id))
                .or(() -> accounts.findByAdmissionNumber(bureau, name.text()));
    }

    /**
     * Counts the attempt against the client and the account (an unknown account by {@code unknownSubject}, what
     * was typed, so the cap tells nothing about which accounts exist), and refuses an unknown or locked account
     * the way a wrong password is refused.
     */
    private CandidateAccount openToAttempts(Optional<CandidateAccount> found, String unknownSubject,
            String password, String clientAddress, Instant now, String failure) {
        rateLimits.acquire(properties.perClient(), clientAddress, "登录尝试");
        rateLimits.acquire(properties.perAccount(), found.map(Logins::accountSubject).orElse(unknownSubject),
                "该账号登录尝试");
        if (found.isEmpty()) {
            // as slow as a real check, so the answer's timing does not tell which IDs have accounts
            passwords.matches(password == null ? "" : password, unknownAccountHash);
            throw failed("unknown", failure);
        }
        refuseIfLocked(found.get(), now);
        return found.get();
    }

    /** A wrong password counts toward the lockout (committed although the attempt is refused). */
    private void refuseWrongPassword(CandidateAccount account, String password, Instant now, String failure) {
        if (password == null || !passwords.matches(password, account.passwordHash())) {
            transactions.executeWithoutResult(status -> accounts.recordFailedLogin(account.id(),
                    properties.maxFailures(), now.plus(properties.lockFor())));
            throw failed("wrong", failure);
        }
    }

    /** The per-account cap's subject: the same for every path and whichever name the account was found by. */
    private static String accountSubject(CandidateAccount account) {
        return account.bureau() + ":" + account.id();
    }

    private void refuseIfLocked(CandidateAccount account, Instant now) {
        if (account.isLockedAt(now)) {
            long minutes = Math.max(1, Duration.between(now, account.lockedUntil()).toMinutes() + 1);
            meters.counter("baokao.logins", "outcome", "locked").increment();
            throw Refusal.locked("ACCOUNT_LOCKED",
                    "登录失败次数过多，账号已临时锁定，请" + minutes + "分钟后再试");
        }
    }

    private Refusal failed(String reason) {
        return failed(reason, GENERIC_FAILURE);
    }

    private Refusal failed(String reason, String message) {
        meters.counter("baokao.logins", "outcome", reason).increment();
        return Refusal.unauthenticated("LOGIN_FAILED", message);
    }

    /**
     * A successful login. ACC-9: an imported candidate still on the initial password must change it, and
     * verify the phone, before anything else.
     */
    public record LoggedIn(String accessToken, String refreshToken, long expiresIn, boolean mustChangePassword,
            boolean mustVerifyPhone) {
    }
}
