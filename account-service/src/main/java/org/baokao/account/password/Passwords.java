package org.baokao.account.password;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.baokao.account.account.Accounts;
import org.baokao.account.account.CandidateAccount;
import org.baokao.account.bureau.Bureau;
import org.baokao.account.bureau.Bureaus;
import org.baokao.account.identity.IdDocument;
import org.baokao.account.sms.PhoneNumber;
import org.baokao.account.sms.SmsCodes;
import org.baokao.account.sms.SmsPurpose;
import org.baokao.account.token.RefreshTokens;
import org.baokao.domain.Refusal;
import org.baokao.events.account.PasswordChanged;
import org.baokao.messaging.outbox.Outbox;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ACC-7: a forgotten password reset by a code sent to the bound phone (SMS) or to the account's e-mail address
 * (SST-1), and a password changed while logged in (old one required). The new password follows the rule of the
 * account's bureau (ACC-4, BUR-1).
 */
@Service
public class Passwords {

    private final Accounts accounts;
    private final Bureaus bureaus;
    private final PasswordEncoder encoder;
    private final SmsCodes smsCodes;
    private final EmailCodes emailCodes;
    private final RefreshTokens refreshTokens;
    private final Outbox outbox;
    private final Clock clock;

    Passwords(Accounts accounts, Bureaus bureaus, PasswordEncoder encoder, SmsCodes smsCodes, EmailCodes emailCodes,
            RefreshTokens refreshTokens, Outbox outbox, Clock clock) {
        this.accounts = accounts;
        this.bureaus = bureaus;
        this.encoder = encoder;
        this.smsCodes = smsCodes;
        this.emailCodes = emailCodes;
        this.refreshTokens = refreshTokens;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Sets a new password after the code sent to the bound phone ({@code smsCode}) or, when {@code emailCode} is
     * given, to the account's e-mail address; every session of the account ends (returned: issue 23 §5).
     */
    // a wrong code must still count as a try: refusals do not roll back
    @Transactional(noRollbackFor = Refusal.class)
    public List<UUID> reset(Bureau bureau, IdDocument id, String smsCode, String emailCode, String password,
            String confirmation) {
        CandidateAccount account = accounts.findByIdNumber(bureau.code(), id)
                .orElseThrow(() -> Refusal.notFound("ACCOUNT_NOT_FOUND", "该证件号码尚未注册，请先注册账号"));
        PasswordPolicy.of(bureau).check(password, confirmation);
        if (emailCode != null) {
            emailCodes.consume(account.id(), emailOf(account), emailCode);
        } else {
            smsCodes.consume(SmsPurpose.RESET_PASSWORD, bureau.code(), phoneOf(account), smsCode);
        }
        return replace(account.id(), password, "RESET");
    }

    /** 获取验证码 by e-mail (after the ID and the captcha): a code to the account's address, shown masked. */
    public EmailCodes.SentEmailCode sendResetEmail(Bureau bureau, IdDocument id, String clientAddress) {
        CandidateAccount account = accounts.findByIdNumber(bureau.code(), id)
                .orElseThrow(() -> Refusal.notFound("ACCOUNT_NOT_FOUND", "该证件号码尚未注册，请先注册账号"));
        return emailCodes.send(bureau, account.id(), emailOf(account), accounts.idNumberHash(id), clientAddress);
    }

    /** The account's e-mail address, or 409 when it has none (the phone is the other way). */
    private String emailOf(CandidateAccount account) {
        return accounts.findEmail(account.id()).orElseThrow(() -> Refusal.conflict("EMAIL_NOT_BOUND",
                "该账号未登记电子邮箱，请通过手机找回密码"));
    }

    /** The bound phone, or 409 when the account has none (an imported 在籍考生's, ACC-9). */
    public static PhoneNumber phoneOf(CandidateAccount account) {
        if (account.phone() == null) {
            throw Refusal.conflict("PHONE_NOT_BOUND", "该账号未绑定手机号，无法接收短信验证码；请通过邮箱找回密码，或通过“修改注册手机号”绑定手机号");
        }
        return new PhoneNumber(account.phone());
    }

    /**
     * Changes the password of a logged-in candidate; also how an initial password is replaced (ACC-9). Every session
     * of the account ends (its refresh tokens); returns them.
     */
    @Transactional
    public List<UUID> change(UUID candidateId, String oldPassword, String password, String confirmation) {
        CandidateAccount account = accounts.findById(candidateId)
                .orElseThrow(() -> Refusal.notFound("ACCOUNT_NOT_FOUND", "账号不存在"));
        if (oldPassword == null || !encoder.matches(oldPassword, account.passwordHash())) {
            throw Refusal.invalid("OLD_PASSWORD_WRONG", "原密码错误");
        }
        PasswordPolicy.of(bureaus.of(account.bureau())).check(password, confirmation);
        if (password.equals(oldPassword)) {
            throw Refusal.invalid("PASSWORD_UNCHANGED", "新密码不能与原密码相同");
        }
        return replace(account.id(), password, account.mustChangePassword() ? "INITIAL_REPLACED" : "CHANGED");
    }

    /** Returns the sessions that ended (every open one of the account). */
    private List<UUID> replace(UUID accountId, String password, String reason) {
        accounts.changePassword(accountId, encoder.encode(password));
        List<UUID> ended = refreshTokens.endAllSessions(accountId);
        outbox.publish(new PasswordChanged(accountId, reason, clock.instant()));
        return ended;
    }
}
