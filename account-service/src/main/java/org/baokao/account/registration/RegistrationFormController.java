package org.baokao.account.registration;

import java.util.List;

import org.baokao.account.bureau.Bureau;
import org.baokao.account.bureau.Bureaus;
import org.baokao.account.bureau.RegistrationGate;
import org.baokao.events.enrollment.ExamConfigured.University;
import org.baokao.web.bureau.RequestBureau;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the addressed bureau's registration page (BUR-1) needs to know before the candidate types anything: which
 * exam, who may register (ACC-3: {@code ROSTER} or {@code OPEN}), the password rule (ACC-4: lengths and how many
 * character classes) and, with the open gate, the examining universities with their 温馨提示 and majors to choose
 * from.
 */
@RestController
class RegistrationFormController {

    private final Bureaus bureaus;
    private final UniversityCatalogue catalogue;

    RegistrationFormController(Bureaus bureaus, UniversityCatalogue catalogue) {
        this.bureaus = bureaus;
        this.catalogue = catalogue;
    }

    @GetMapping("/api/accounts/public/registration-form")
    RegistrationForm form(RequestBureau addressed) {
        Bureau bureau = bureaus.of(addressed);
        List<University> universities = bureau.gate() == RegistrationGate.OPEN
                ? catalogue.universities(bureau.registrationExamCode())
                : List.of();
        Bureau.PasswordRule password = bureau.password();
        return new RegistrationForm(bureau.registrationExamCode(), bureau.gate(),
                new PasswordRule(password.minLength(), password.maxLength(), password.requiredClasses()),
                universities);
    }

    record RegistrationForm(String examCode, RegistrationGate gate, PasswordRule password,
            List<University> universities) {
    }

    /** {@code requiredClasses}: of digits, upper-case, lower-case and special characters (1: length only). */
    record PasswordRule(int minLength, int maxLength, int requiredClasses) {
    }
}
