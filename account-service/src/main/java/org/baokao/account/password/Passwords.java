package org.baokao.account.password;

import java.time.Clock;
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
 * ACC-7: a forgotten password reset by SMS code, and a password changed while logged in (old one required). The new
 * password follows the rule of the account's bureau (ACC-4, BUR-1).
 */
@Service
public class Passwords {

    private final Accounts accounts;
    private final Bureaus bureaus;
    private final PasswordEncoder encoder;
    private final SmsCodes smsCodes;
    private final RefreshTokens refreshTokens;
    private final Outbox outbox;
    private final Clock clock;

    Passwords(Accounts accounts, Bureaus bureaus, PasswordEncoder encoder, SmsCodes smsCodes,
            RefreshTokens refreshTokens, Outbox outbox, Clock clock) {
        this.accounts = accounts;
        this.bureaus = bureaus;
        this.encoder = encoder;
        this.smsCodes = smsCodes;
        this.refreshTokens = refreshTokens;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Sets a new password after the SMS code sent to the bound phone; every session of the account ends. */
    // a wrong SMS code must still count as a try: refusals do not roll back
    @Transactional(noRollbackFor = Refusal.class)
    public void reset(Bureau bureau, IdDocument id, String smsCode, String password, String confirmation) {
        CandidateAccount account = accounts.findByIdNumber(bureau.code(), id)
                .orElseThrow(() -> Refusal.notFound("ACCOUNT_NOT_FOUND", "该证件号码尚未注册，请先注册账号"));
        PasswordPolicy.of(bureau).check(password, confirmation);
        smsCodes.consume(SmsPurpose.RESET_PASSWORD, bureau.code(), new PhoneNumber(account.phone()), smsCode);
        replace(account.id(), password, "RESET");
    }

    /** Changes the password of a logged-in candidate; also how an initial password is replaced (ACC-9). */
    @Transactional
    public void change(UUID candidateId, String oldPassword, String password, String confirmation) {
        CandidateAccount account = accounts.findById(candidateId)
                .orElseThrow(() -> Refusal.notFound("ACCOUNT_NOT_FOUND", "账号不存在"));
        if (oldPassword == null || !encoder.matches(oldPassword, account.passwordHash())) {
            throw Refusal.invalid("OLD_PASSWORD_WRONG", "原密码错误");
        }
        PasswordPolicy.of(bureaus.of(account.bureau())).check(password, confirmation);
        if (password.equals(oldPassword)) {
            throw Refusal.invalid("PASSWORD_UNCHANGED", "新密码不能与原密码相同");
        }
        replace(account.id(), password, account.mustChangePassword() ? "INITIAL_REPLACED" : "CHANGED");
    }

    private void replace(UUID accountId, String password, String reason) {
        accounts.changePassword(accountId, encoder.encode(password));
        refreshTokens.endAllSessions(accountId);
        outbox.publish(new PasswordChanged(accountId, reason, clock.instant()));
    }
}
