package org.baokao.account.password;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.baokao.account.account.Accounts;
import org.baokao.account.account.CandidateAccount;
import org.baokao.account.account.IdInput;
import org.baokao.account.bureau.Bureau;
import org.baokao.account.bureau.Bureaus;
import org.baokao.account.captcha.Captchas;
import org.baokao.account.identity.IdDocument;
import org.baokao.account.token.RefreshTokens;
import org.baokao.domain.Refusal;
import org.baokao.personaldata.Masking;
import org.baokao.web.bureau.RequestBureau;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * 忘记密码 (seed 1.3; seed 004 §2: by phone or by e-mail), for the account of the ID at the addressed bureau (BUR-1),
 * and 修改密码; a new password follows the account's bureau's rule (ACC-4).
 */
@RestController
class PasswordController {

    private final Captchas captchas;
    private final Accounts accounts;
    private final Passwords passwords;
    private final Bureaus bureaus;
    private final Clock clock;

    PasswordController(Captchas captchas, Accounts accounts, Passwords passwords, Bureaus bureaus, Clock clock) {
        this.captchas = captchas;
        this.accounts = accounts;
        this.passwords = passwords;
        this.bureaus = bureaus;
        this.clock = clock;
    }

    /**
     * Step 1: ID type + number + captcha → the page shows the masked ID, and the ways the account can be reached:
     * the masked bound phone (通过手机找回) and the masked e-mail address (通过邮箱找回), each null when it has none.
     */
    @PostMapping("/api/accounts/public/password-resets/lookup")
    ResetTarget lookup(@RequestBody LookupRequest request, RequestBureau addressed) {
        Bureau bureau = bureaus.of(addressed);
        if (request == null) {
            throw Refusal.invalid("MALFORMED_REQUEST", "请求格式不正确");
        }
        IdDocument id = IdInput.parse(request.idType(), request.idNumber(), clock);
        captchas.verify(request.captchaId(), request.captcha());
        CandidateAccount account = accounts.findByIdNumber(bureau.code(), id)
                .orElseThrow(() -> Refusal.notFound("ACCOUNT_NOT_FOUND", "该证件号码尚未注册，请先注册账号"));
        return new ResetTarget(Masking.idNumber(id.number()), Masking.phone(account.phone()),
                Masking.email(accounts.findEmail(account.id()).orElse(null)));
    }

    /**
     * 通过邮箱找回, after step 1: ID + a new captcha → a 6-digit code mailed to the account's address (409
     * {@code EMAIL_NOT_BOUND} when it has none). The SMS way: {@code /sms-codes/password-reset} (LoginController).
     */
    @PostMapping("/api/accounts/public/email-codes/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    EmailCodes.SentEmailCode resetEmail(@RequestBody LookupRequest request, RequestBureau addressed,
            HttpServletRequest http) {
        Bureau bureau = bureaus.of(addressed);
        if (request == null) {
            throw Refusal.invalid("MALFORMED_REQUEST", "请求格式不正确");
        }
        IdDocument id = IdInput.parse(request.idType(), request.idNumber(), clock);
        return captchas.verifyThen(request.captchaId(), request.captcha(),
                () -> passwords.sendResetEmail(bureau, id, http.getRemoteAddr()));
    }

    /**
     * Step 2 (after the code): captcha + the SMS code ({@code smsCode}) or the e-mail code ({@code emailCode}) + the
     * new password twice.
     */
    @PostMapping("/api/accounts/public/password-resets")
    @ResponseStatus(HttpStatus.NO_CONTENT) // what the API document shows; the answer is the ResponseEntity's 204
    ResponseEntity<Void> reset(@RequestBody ResetRequest request, RequestBureau addressed) {
        Bureau bureau = bureaus.of(addressed);
        if (request == null) {
            throw Refusal.invalid("MALFORMED_REQUEST", "请求格式不正确");
        }
        IdDocument id = IdInput.parse(request.idType(), request.idNumber(), clock);
        captchas.verify(request.captchaId(), request.captcha());
        List<UUID> ended = passwords.reset(bureau, id, request.smsCode(), request.emailCode(), request.password(),
                request.confirmPassword());
        return endedSessions(ended);
    }

    /**
     * Every session's refresh tokens end; the access tokens of the <em>other</em> sessions (another browser, a phone:
     * perhaps whoever knew the old password) are refused at the gateway at once (issue 23 §5). This session's access
     * token keeps working until it expires: an imported candidate's first login goes on to verify the phone with it
     * (ACC-9).
     */
    @PostMapping("/api/accounts/me/password")
    @PreAuthorize("hasRole('candidate')")
    @ResponseStatus(HttpStatus.NO_CONTENT) // what the API document shows; the answer is the ResponseEntity's 204
    ResponseEntity<Void> change(@AuthenticationPrincipal Jwt candidate, @RequestBody ChangeRequest request) {
        if (request == null) {
            throw Refusal.invalid("MALFORMED_REQUEST", "请求格式不正确");
        }
        List<UUID> ended = passwords.change(UUID.fromString(candidate.getSubject()), request.oldPassword(),
                request.password(), request.confirmPassword());
        String current = candidate.getClaimAsString("sid");
        return endedSessions(ended.stream().filter(session -> !session.toString().equals(current)).toList());
    }

    /** 204, naming the sessions that ended for the gateway (issue 23 §5). */
    private static ResponseEntity<Void> endedSessions(List<UUID> ended) {
        ResponseEntity.HeadersBuilder<?> answer = ResponseEntity.noContent();
        if (!ended.isEmpty()) {
            answer.header(RefreshTokens.SESSION_ENDED_HEADER,
                    ended.stream().map(UUID::toString).collect(Collectors.joining(",")));
        }
        return answer.build();
    }

    record LookupRequest(String idType, String idNumber, UUID captchaId, String captcha) {
    }

    record ResetTarget(String maskedIdNumber, String maskedPhone, String maskedEmail) {
    }

    /** {@code emailCode} for 通过邮箱找回, else {@code smsCode}. */
    record ResetRequest(String idType, String idNumber, String smsCode, String emailCode, UUID captchaId,
            String captcha, String password, String confirmPassword) {
    }

    record ChangeRequest(String oldPassword, String password, String confirmPassword) {
    }
}
