package org.baokao.account.phonechange;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.baokao.account.bureau.Bureau;
import org.baokao.account.bureau.Bureaus;
import org.baokao.account.captcha.Captchas;
import org.baokao.account.login.LoginName;
import org.baokao.account.login.Logins;
import org.baokao.account.sms.SmsCodes;
import org.baokao.domain.Refusal;
import org.baokao.web.bureau.RequestBureau;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import jakarta.servlet.http.HttpServletRequest;

/**
 * 更换手机号 for a candidate who lost the old phone (ACC-8): logging in needs a code to that phone, so this path is
 * public (修改注册手机号, seed 004 §2). ID number or 准考证号 + password (checked like a login: same caps, lockout and
 * generic answer) + captcha prove who asks; a code to the new phone proves they hold it; the proof images go to an
 * operator, whose approval rebinds the account and tells the candidate by SMS; the same proof of who asks reads the
 * review state later. Nothing here reveals whether an ID has an account. The account is the one of the addressed
 * bureau (BUR-1).
 */
@RestController
class LostPhoneController {

    private final Captchas captchas;
    private final Logins logins;
    private final PhoneChanges phoneChanges;
    private final Bureaus bureaus;
    private final Clock clock;

    LostPhoneController(Captchas captchas, Logins logins, PhoneChanges phoneChanges, Bureaus bureaus, Clock clock) {
        this.captchas = captchas;
        this.logins = logins;
        this.phoneChanges = phoneChanges;
        this.bureaus = bureaus;
        this.clock = clock;
    }

    @PostMapping("/api/accounts/public/phone-change/code")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SmsCodes.SentCode code(@RequestBody LostPhoneCode request, RequestBureau addressed, HttpServletRequest http) {
        Bureau bureau = bureaus.of(addressed);
        if (request == null) {
            throw Refusal.invalid("MALFORMED_REQUEST", "请求格式不正确");
        }
        UUID candidate = passwordHolder(bureau, request.idType(), request.idNumber(), request.password(),
                request.captchaId(), request.captcha(), http);
        return phoneChanges.sendCode(candidate, request.newPhone(), http.getRemoteAddr());
    }

    @PostMapping(path = "/api/accounts/public/phone-change-requests", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    PhoneChanges.CandidateView submit(@RequestParam(required = false) String idType,
            @RequestParam(required = false) String idNumber, @RequestParam(required = false) String password,
            @RequestParam(required = false) String captchaId, @RequestParam(required = false) String captcha,
            @RequestParam(required = false) String newPhone, @RequestParam(required = false) String smsCode,
            RequestBureau addressed, MultipartHttpServletRequest multipart) {
        Bureau bureau = bureaus.of(addressed);
        // the images first: a bad file must not use up the captcha or count as a password attempt
        var images = PhoneChangeController.proofImages(multipart);
        UUID candidate = passwordHolder(bureau, idType, idNumber, password, captchaIdOf(captchaId), captcha, multipart);
        return phoneChanges.submit(candidate, newPhone, smsCode, images);
    }

    /**
     * 查询审核状态 on the same page, later: the same proof of who asks (ID number or 准考证号, password, captcha), then
     * the candidate's requests, newest first, each with its state (审核中, 已通过, 未通过 with the reason).
     */
    @PostMapping("/api/accounts/public/phone-change-requests/lookup")
    List<PhoneChanges.CandidateView> lookup(@RequestBody LostPhoneLookup request, RequestBureau addressed,
            HttpServletRequest http) {
        Bureau bureau = bureaus.of(addressed);
        if (request == null) {
            throw Refusal.invalid("MALFORMED_REQUEST", "请求格式不正确");
        }
        UUID candidate = passwordHolder(bureau, request.idType(), request.idNumber(), request.password(),
                request.captchaId(), request.captcha(), http);
        return phoneChanges.ownRequests(candidate);
    }

    /** The account named by ID number or 准考证号 ({@link LoginName}), once its password is right. */
    private UUID passwordHolder(Bureau bureau, String idType, String idNumber, String password, UUID captchaId,
            String captcha, HttpServletRequest http) {
        LoginName name = LoginName.parse(idType, idNumber, clock);
        captchas.verify(captchaId, captcha);
        return logins.passwordHolder(bureau.code(), name, password, http.getRemoteAddr());
    }

    private static UUID captchaIdOf(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("CAPTCHA_EXPIRED", "图片验证码已失效，请点击图片刷新后重新输入");
        }
    }

    /** {@code idNumber}: the ID number or the 准考证号. */
    record LostPhoneCode(String idType, String idNumber, String password, String newPhone, UUID captchaId,
            String captcha) {
    }

    record LostPhoneLookup(String idType, String idNumber, String password, UUID captchaId, String captcha) {
    }
}
