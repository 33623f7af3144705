package org.baokao.account.login;

import java.time.Clock;
import java.util.UUID;

import org.baokao.account.account.Accounts;
import org.baokao.account.account.CandidateAccount;
import org.baokao.account.account.IdInput;
import org.baokao.account.captcha.Captchas;
import org.baokao.account.identity.IdDocument;
import org.baokao.account.sms.PhoneNumber;
import org.baokao.account.sms.SmsCodes;
import org.baokao.account.sms.SmsPurpose;
import org.baokao.domain.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.servlet.http.HttpServletRequest;

/**
 * 考生登录 (seed 1.2): ID number and image captcha for 获取验证码, then ID number, password and the SMS code sent to
 * the bound phone.
 */
@RestController
class LoginController {

    private final Captchas captchas;
    private final SmsCodes smsCodes;
    private final Accounts accounts;
    private final Logins logins;
    private final Clock clock;

    LoginController(Captchas captchas, SmsCodes smsCodes, Accounts accounts, Logins logins, Clock clock) {
        this.captchas = captchas;
        this.smsCodes = smsCodes;
        this.accounts = accounts;
        this.logins = logins;
        this.clock = clock;
    }

    /** 获取验证码 on the login form: the code goes to the phone the account is bound to. */
    @PostMapping("/api/accounts/public/sms-codes/login")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SmsCodes.SentCode loginCode(@RequestBody AccountCodeRequest request, HttpServletRequest http) {
        return sendToAccountPhone(request, SmsPurpose.LOGIN, http);
    }

    /** 忘记密码, after the ID and captcha (ACC-7): the code goes to the bound phone, shown masked. */
    @PostMapping("/api/accounts/public/sms-codes/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SmsCodes.SentCode resetCode(@RequestBody AccountCodeRequest request, HttpServletRequest http) {
        return sendToAccountPhone(request, SmsPurpose.RESET_PASSWORD, http);
    }

    @PostMapping("/api/accounts/public/logins")
    LoginResponse login(@RequestBody LoginRequest request, HttpServletRequest http) {
        if (request == null) {
            throw Refusal.invalid("MALFORMED_REQUEST", "请求格式不正确");
        }
        IdDocument id = IdInput.parse(request.idType(), request.idNumber(), clock);
        // the form's captcha was used up by 获取验证码: the live code stands for it (see Logins)
        Logins.LoggedIn in = logins.login(id, request.password(), request.smsCode(), http.getRemoteAddr());
        return new LoginResponse(in.accessToken(), "Bearer", in.expiresIn(), in.refreshToken(),
                in.mustChangePassword(), in.mustVerifyPhone());
    }

    private SmsCodes.SentCode sendToAccountPhone(AccountCodeRequest request, SmsPurpose purpose,
            HttpServletRequest http) {
        if (request == null) {
            throw Refusal.invalid("MALFORMED_REQUEST", "请求格式不正确");
        }
        IdDocument id = IdInput.parse(request.idType(), request.idNumber(), clock);
        captchas.verify(request.captchaId(), request.captcha());
        CandidateAccount account = accounts.findByIdNumber(id)
                .orElseThrow(() -> Refusal.notFound("ACCOUNT_NOT_FOUND", "该证件号码尚未注册，请先注册账号"));
        return smsCodes.send(purpose, new PhoneNumber(account.phone()), account.id(), accounts.idNumberHash(id),
                http.getRemoteAddr());
    }

    record AccountCodeRequest(String idType, String idNumber, UUID captchaId, String captcha) {
    }

    record LoginRequest(String idType, String idNumber, String password, String smsCode) {
    }

    record LoginResponse(@JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("refresh_token") String refreshToken, boolean mustChangePassword,
            boolean mustVerifyPhone) {
    }
}
