package org.baokao.events.enrollment;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventType;
import org.baokao.events.Topics;

/**
 * An operator created a bureau (考试院) or replaced its configuration (BUR-1). Whole, so the latest one is the truth:
 * each service keeps what it needs of it (account-service the registration and login rules, notification-service
 * the SMS signature and templates, payment-service the channel rules and the name on receipts). Long texts (考生须知,
 * privacy policy, agreement) stay with enrollment-service, which serves them; only their versions travel, because a
 * consent is recorded with the version the candidate saw.
 *
 * @param code                 the bureau's code and address ({@code sd} → {@code /sd/})
 * @param name                 e.g. 山东省教育招生考试院
 * @param shortName            e.g. 山东省考试院
 * @param registrationExamCode the exam a new account is registered for
 * @param registrationGate     ROSTER (only IDs on the exam's roster, Shandong) or OPEN (Shanghai 自考), ACC-3
 * @param password             the password rule (ACC-4)
 * @param loginNeedsSms        whether login asks for an SMS code besides the password and captcha (Shandong yes)
 * @param privacyPolicyVersion the current version of the privacy policy a registering candidate consents to
 * @param serviceAgreementVersion the current version of the service agreement
 * @param integrityPledgeVersion the current version of the 考生诚信承诺书 (Shanghai new candidates), null if none
 * @param smsSignature         e.g. 【山东省教育招生考试院】, put before every SMS sent for this bureau
 * @param smsTemplates         template code → text without the signature, where the bureau words a message its own
 *                             way; a template not named here uses the platform's text
 * @param paymentRules         which channel a candidate pays through, by region (PAY-2)
 * @param configuredAt         when this configuration was saved; a consumer ignores one older than what it holds
 */
@EventType(name = "BureauConfigured", topic = Topics.ENROLLMENT)
public record BureauConfigured(String code, String name, String shortName, String registrationExamCode,
        String registrationGate, PasswordRule password, boolean loginNeedsSms, String privacyPolicyVersion,
        String serviceAgreementVersion, String integrityPledgeVersion, String smsSignature,
        Map<String, String> smsTemplates, List<PaymentRule> paymentRules, Instant configuredAt)
        implements DomainEvent {

    public BureauConfigured {
        smsTemplates = smsTemplates == null ? Map.of() : Map.copyOf(smsTemplates);
        paymentRules = paymentRules == null ? List.of() : List.copyOf(paymentRules);
    }

    /**
     * ACC-4: length bounds, and how many of the four character classes (digits, upper-case, lower-case, special)
     * a password must contain: 4 in Shandong (all of them), 1 in Shanghai (length only).
     */
    public record PasswordRule(int minLength, int maxLength, int requiredClasses) {
    }

    /** Candidates of {@code regionCode} (6 digits: a city, or a province ending in 0000) pay through {@code channel}. */
    public record PaymentRule(String regionCode, String channel) {
    }

    @Override
    public String aggregateId() {
        return code;
    }
}
