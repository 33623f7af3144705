package org.baokao.account.registration;

import java.util.List;

import org.baokao.account.password.PasswordPolicy;
import org.baokao.events.enrollment.ExamConfigured.University;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the registration page needs to know before the candidate types anything: which exam, who may register
 * (ACC-3: {@code ROSTER} or {@code OPEN}), the password lengths (ACC-4) and, with the open gate, the examining
 * universities with their 温馨提示 and majors to choose from.
 */
@RestController
class RegistrationFormController {

    private final RegistrationProperties properties;
    private final PasswordPolicy passwords;
    private final UniversityCatalogue catalogue;

    RegistrationFormController(RegistrationProperties properties, PasswordPolicy passwords,
            UniversityCatalogue catalogue) {
        this.properties = properties;
        this.passwords = passwords;
        this.catalogue = catalogue;
    }

    @GetMapping("/api/accounts/public/registration-form")
    RegistrationForm form() {
        List<University> universities = properties.gate() == RegistrationGate.OPEN
                ? catalogue.universities(properties.examCode())
                : List.of();
        return new RegistrationForm(properties.examCode(), properties.gate(),
                new PasswordLengths(passwords.minLength(), passwords.maxLength()), universities);
    }

    record RegistrationForm(String examCode, RegistrationGate gate, PasswordLengths password,
            List<University> universities) {
    }

    record PasswordLengths(int minLength, int maxLength) {
    }
}
