package org.baokao.account.sms;

import java.util.UUID;

import org.baokao.account.bureau.Bureau;
import org.baokao.account.bureau.Bureaus;
import org.baokao.account.captcha.Captchas;
import org.baokao.domain.Refusal;
import org.baokao.web.bureau.RequestBureau;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * 获取验证码 on the registration form: a valid image captcha first (ACC-6), then the limits, then the code
 * goes out by SMS, signed by the addressed bureau (BUR-1) and good only there. Login and password-reset codes go
 * to the account's own phone (see registration, login).
 */
@RestController
class SmsCodeController {

    private final Captchas captchas;
    private final SmsCodes codes;
    private final Bureaus bureaus;

    SmsCodeController(Captchas captchas, SmsCodes codes, Bureaus bureaus) {
        this.captchas = captchas;
        this.codes = codes;
        this.bureaus = bureaus;
    }

    @PostMapping("/api/accounts/public/sms-codes/registration")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SmsCodes.SentCode forRegistration(@RequestBody RegistrationCodeRequest request, RequestBureau addressed,
            HttpServletRequest http) {
        Bureau bureau = bureaus.of(addressed);
        if (request == null) {
            throw Refusal.invalid("MALFORMED_REQUEST", "请求格式不正确");
        }
        PhoneNumber phone = new PhoneNumber(request.phone());
        return captchas.verifyThen(request.captchaId(), request.captcha(),
                () -> codes.send(SmsPurpose.REGISTER, bureau.code(), phone, null, null, http.getRemoteAddr()));
    }

    record RegistrationCodeRequest(String phone, UUID captchaId, String captcha) {
    }
}
