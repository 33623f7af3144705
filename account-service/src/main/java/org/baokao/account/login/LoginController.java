package org.baokao.account.login;

import java.time.Clock;
import java.util.UUID;

import org.baokao.account.account.Accounts;
import org.baokao.account.account.CandidateAccount;
import org.baokao.account.account.IdInput;
import org.baokao.account.bureau.Bureau;
import org.baokao.account.bureau.Bureaus;
import org.baokao.account.captcha.Captchas;
import org.baokao.account.identity.IdDocument;
import org.baokao.account.password.Passwords;
import org.baokao.account.sms.SmsCodes;
import org.baokao.account.sms.SmsPurpose;
import org.baokao.account.token.SessionAnswer;
import org.baokao.domain.Refusal;
import org.baokao.web.bureau.RequestBureau;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.servlet.http.HttpServletRequest;

/**
 * 考生登录 at the addressed bureau (BUR-1). Where login needs an SMS code (Shandong, seed 000 §1.2): ID number and
 * image captcha for 获取验证码, then ID number, password and the SMS code sent to the bound phone. Where it does not
 * (Shanghai, seed 004): ID number or 准考证号, password and the image captcha, in one request.
 */
@RestController
class LoginController {

    private final Captchas captchas;
    private final SmsCodes smsCodes;
    private final Accounts accounts;
    private final Logins logins;
    private final Bureaus bureaus;
    private final Clock clock;

    LoginController(Captchas captchas, SmsCodes smsCodes, Accounts accounts, Logins logins, Bureaus bureaus,
            Clock clock) {
        this.captchas = captchas;
        this.smsCodes = smsCodes;
        this.accounts = accounts;
        this.logins = logins;
        this.bureaus = bureaus;
        this.clock = clock;
    }

    /**
     * 获取验证码 on the login form: the code goes to the phone the account is bound to. A bureau whose login needs no
     * code sends none (an SMS nobody can use is a cost, and a way to pester a phone).
     */
    @PostMapping("/api/accounts/public/sms-codes/login")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SmsCodes.SentCode loginCode(@RequestBody AccountCodeRequest request, RequestBureau addressed,
            HttpServletRequest http) {
        Bureau bureau = bureaus.of(addressed);
        if (!bureau.loginNeedsSms()) {
            throw Refusal.invalid("LOGIN_WITHOUT_SMS", "登录无需短信验证码，请输入证件号码或准考证号、密码和图片验证码登录");
        }
        return sendToAccountPhone(bureau, request, SmsPurpose.LOGIN, http);
    }

    /** 忘记密码, after the ID and captcha (ACC-7): the code goes to the bound phone, shown masked. */
    @PostMapping("/api/accounts/public/sms-codes/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SmsCodes.SentCode resetCode(@RequestBody AccountCodeRequest request, RequestBureau addressed,
            HttpServletRequest http) {
        return sendToAccountPhone(bureaus.of(addressed), request, SmsPurpose.RESET_PASSWORD, http);
    }

    @PostMapping("/api/accounts/public/logins")
    LoginResponse login(@RequestBody LoginRequest request, RequestBureau addressed, HttpServletRequest http) {
        Bureau bureau = bureaus.of(addressed);
        if (request == null) {
            throw Refusal.invalid("MALFORMED_REQUEST", "请求格式不正确");
        }
        Logins.LoggedIn in;
        if (bureau.loginNeedsSms()) {
            IdDocument id = IdInput.parse(request.idType(), request.idNumber(), clock);
            // the form's captcha was used up by 获取验证码: the live code stands for it (see Logins)
            in = logins.login(bureau.code(), id, request.password(), request.smsCode(), http.getRemoteAddr());
        } else {
            LoginName name = LoginName.parse(request.idType(), request.idNumber(), clock);
            // before anything else is looked at: no password is hashed for a request without a solved captcha
            captchas.verify(request.captchaId(), request.captcha());
            in = logins.loginWithPassword(bureau.code(), name, request.password(), http.getRemoteAddr());
        }
        return new LoginResponse(in.accessToken(), "Bearer", in.expiresIn(), in.refreshToken(),
                in.mustChangePassword(), in.mustVerifyPhone());
    }

    private SmsCodes.SentCode sendToAccountPhone(Bureau bureau, AccountCodeRequest request, SmsPurpose purpose,
            HttpServletRequest http) {
        if (request == null) {
            throw Refusal.invalid("MALFORMED_REQUEST", "请求格式不正确");
        }
        IdDocument id = IdInput.parse(request.idType(), request.idNumber(), clock);
        return captchas.verifyThen(request.captchaId(), request.captcha(), () -> {
            CandidateAccount account = accounts.findByIdNumber(bureau.code(), id)
                    .orElseThrow(() -> Refusal.notFound("ACCOUNT_NOT_FOUND", "该证件号码尚未注册，请先注册账号"));
            return smsCodes.send(purpose, bureau.code(), Passwords.phoneOf(account), account.id(),
                    accounts.idNumberHash(id), http.getRemoteAddr());
        });
    }

    record AccountCodeRequest(String idType, String idNumber, UUID captchaId, String captcha) {
    }

    /**
     * {@code smsCode} where login needs one; {@code captchaId} and {@code captcha} where it does not, and then
     * {@code idNumber} may be a 准考证号.
     */
    record LoginRequest(String idType, String idNumber, String password, String smsCode, UUID captchaId,
            String captcha) {
    }

    record LoginResponse(@JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("refresh_token") @JsonInclude(JsonInclude.Include.NON_NULL) String refreshToken,
            boolean mustChangePassword, boolean mustVerifyPhone) implements SessionAnswer {

        @Override
        public LoginResponse withoutRefreshToken() {
            return new LoginResponse(accessToken, tokenType, expiresIn, null, mustChangePassword, mustVerifyPhone);
        }
    }
}
