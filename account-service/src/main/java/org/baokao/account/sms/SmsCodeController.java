package org.baokao.account.sms;

import java.util.UUID;

import org.baokao.account.captcha.Captchas;
import org.baokao.domain.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * 获取验证码 on the registration form: a valid image captcha first (ACC-6), then the limits, then the code
 * goes out by SMS. Login and password-reset codes go to the account's own phone (see registration, login).
 */
@RestController
class SmsCodeController {

    private final Captchas captchas;
    private final SmsCodes codes;

    SmsCodeController(Captchas captchas, SmsCodes codes) {
        this.captchas = captchas;
        this.codes = codes;
    }

    @PostMapping("/api/accounts/public/sms-codes/registration")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SmsCodes.SentCode forRegistration(@RequestBody RegistrationCodeRequest request, HttpServletRequest http) {
        if (request == null) {
            throw Refusal.invalid("MALFORMED_REQUEST", "请求格式不正确");
        }
        PhoneNumber phone = new PhoneNumber(request.phone());
        captchas.verify(request.captchaId(), request.captcha());
        return codes.send(SmsPurpose.REGISTER, phone, null, null, http.getRemoteAddr());
    }

    record RegistrationCodeRequest(String phone, UUID captchaId, String captcha) {
    }
}
