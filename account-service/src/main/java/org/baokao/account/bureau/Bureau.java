package org.baokao.account.bureau;

import org.baokao.domain.DomainModel;

/**
 * A bureau (考试院) as account-service needs it (BUR-1): the exam a new account registers for and who may register
 * (ACC-3), the password rule (ACC-4), whether login asks for an SMS code (ACC-5), and the versions of the texts a
 * registering candidate consents to (ACC-1). A configuration that breaks these bounds is not a bureau's: refused.
 *
 * @param integrityPledgeVersion the 考生诚信承诺书 a new candidate agrees to (Shanghai); null if the bureau has none
 */
@DomainModel
public record Bureau(String code, String name, String registrationExamCode, RegistrationGate gate,
        PasswordRule password, boolean loginNeedsSms, String privacyPolicyVersion, String serviceAgreementVersion,
        String integrityPledgeVersion) {

    public Bureau {
        require(code, "code");
        require(name, "name");
        require(registrationExamCode, "registrationExamCode");
        require(privacyPolicyVersion, "privacyPolicyVersion");
        require(serviceAgreementVersion, "serviceAgreementVersion");
        if (gate == null || password == null) {
            throw new IllegalArgumentException("bureau " + code + ": a gate and a password rule are required");
        }
    }

    /**
     * ACC-4: length bounds (in characters) and how many of the four classes (digits, upper-case, lower-case,
     * special) a password must contain: 4 in Shandong, 1 in Shanghai (length only).
     */
    public record PasswordRule(int minLength, int maxLength, int requiredClasses) {

        public PasswordRule {
            if (minLength < 1 || maxLength < minLength || requiredClasses < 1 || requiredClasses > 4) {
                throw new IllegalArgumentException("not a password rule: " + minLength + "-" + maxLength + ", "
                        + requiredClasses + " classes");
            }
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a bureau needs its " + field);
        }
    }
}
