package org.baokao.account.registration;

import java.time.Clock;
import java.util.UUID;

import org.baokao.account.account.EmailAddress;
import org.baokao.account.account.IdInput;
import org.baokao.account.bureau.Bureau;
import org.baokao.account.bureau.Bureaus;
import org.baokao.account.bureau.RegistrationGate;
import org.baokao.account.captcha.Captchas;
import org.baokao.account.identity.IdDocument;
import org.baokao.account.identity.PersonName;
import org.baokao.account.password.PasswordPolicy;
import org.baokao.account.sms.PhoneNumber;
import org.baokao.domain.Refusal;
import org.baokao.web.bureau.RequestBureau;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 考生注册 (seed 1.1) at the addressed bureau (BUR-1), by its rules: ID type and number, password twice (the
 * bureau's password rule, ACC-4), phone + SMS code, image captcha, consent to the privacy policy and the service
 * agreement; an e-mail if one is given. With the open gate (Shanghai 新考生注册, SST-1, seed 004 §2) also the name, the
 * chosen examining university and major of the bureau's exam, the e-mail (required: with the phone, the only way to
 * recover a password) and 我同意 to the version of the 考生诚信承诺书 the candidate read; the answer then logs the
 * candidate in (201 with a login's token fields). Form errors are checked before the captcha is used up.
 */
@RestController
class RegistrationController {

    private final Captchas captchas;
    private final Registrations registrations;
    private final UniversityCatalogue catalogue;
    private final Bureaus bureaus;
    private final Clock clock;

    RegistrationController(Captchas captchas, Registrations registrations, UniversityCatalogue catalogue,
            Bureaus bureaus, Clock clock) {
        this.captchas = captchas;
        this.registrations = registrations;
        this.catalogue = catalogue;
        this.bureaus = bureaus;
        this.clock = clock;
    }

    /** {@link Registrations.Registered} with the roster gate, {@link Registrations.OpenRegistered} with the open one. */
    @PostMapping("/api/accounts/public/registrations")
    @ResponseStatus(HttpStatus.CREATED)
    Object register(@RequestBody RegistrationRequest request, RequestBureau addressed) {
        Bureau bureau = bureaus.of(addressed);
        if (request == null) {
            throw Refusal.invalid("MALFORMED_REQUEST", "请求格式不正确");
        }
        IdDocument id = IdInput.parse(request.idType(), request.idNumber(), clock);
        PasswordPolicy.of(bureau).check(request.password(), request.confirmPassword());
        PhoneNumber phone = new PhoneNumber(request.phone());
        if (!Boolean.TRUE.equals(request.acceptPrivacyPolicy()) || !Boolean.TRUE.equals(request.acceptServiceAgreement())) {
            throw Refusal.invalid("CONSENT_REQUIRED", "请阅读并勾选同意《用户隐私政策》及《用户服务协议》");
        }
        if (bureau.gate() == RegistrationGate.ROSTER) {
            EmailAddress email = EmailAddress.ofOptional(request.email());
            captchas.verify(request.captchaId(), request.captcha());
            return registrations.register(bureau, id, phone, email, request.password(), request.smsCode());
        }
        String name = request.name() == null ? "" : request.name().strip();
        PersonName.problemOf(name).ifPresent(problem -> {
            throw Refusal.invalid(problem.code(), problem.reason());
        });
        UniversityCatalogue.Choice choice = catalogue.choose(bureau.registrationExamCode(), request.universityCode(),
                request.majorCode());
        EmailAddress email = EmailAddress.ofRequired(request.email());
        String pledgeVersion = IntegrityPledgeConsent.agreedVersion(bureau.integrityPledgeVersion(),
                request.acceptIntegrityPledge(), request.integrityPledgeVersion());
        captchas.verify(request.captchaId(), request.captcha());
        return registrations.registerOpen(bureau, id, name, choice, phone, email, pledgeVersion, request.password(),
                request.smsCode());
    }

    /**
     * {@code name}, {@code universityCode}, {@code majorCode}, {@code acceptIntegrityPledge} and
     * {@code integrityPledgeVersion} (the version of the 考生诚信承诺书 the candidate read) are read only by the open
     * gate; {@code email} is required there and optional with the roster gate.
     */
    record RegistrationRequest(String idType, String idNumber, String password, String confirmPassword, String phone,
            String smsCode, UUID captchaId, String captcha, Boolean acceptPrivacyPolicy,
            Boolean acceptServiceAgreement, String name, String universityCode, String majorCode, String email,
            Boolean acceptIntegrityPledge, String integrityPledgeVersion) {

        @Override
        public String toString() {
            return "RegistrationRequest[" + idType + "]"; // never the password or personal data
        }
    }
}
