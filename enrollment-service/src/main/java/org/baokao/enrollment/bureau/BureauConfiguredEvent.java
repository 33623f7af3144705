package org.baokao.enrollment.bureau;

import org.baokao.events.enrollment.BureauConfigured;

/**
 * What other services learn of a bureau each time it is configured ({@link BureauConfigured}): the whole
 * configuration but the long texts, which stay here and are served by this service; only their versions travel,
 * since a consent is recorded with the version the candidate saw.
 */
final class BureauConfiguredEvent {

    private BureauConfiguredEvent() {
    }

    static BureauConfigured of(Bureau bureau) {
        return new BureauConfigured(bureau.code(), bureau.name(), bureau.shortName(), bureau.registrationExamCode(),
                bureau.registrationGate().name(),
                new BureauConfigured.PasswordRule(bureau.password().minLength(), bureau.password().maxLength(),
                        bureau.password().requiredClasses()),
                bureau.loginNeedsSms(), bureau.versionOf(TextKind.PRIVACY_POLICY),
                bureau.versionOf(TextKind.SERVICE_AGREEMENT), bureau.versionOf(TextKind.INTEGRITY_PLEDGE),
                bureau.smsSignature(), bureau.smsTemplates(),
                bureau.paymentRules().stream()
                        .map(rule -> new BureauConfigured.PaymentRule(rule.regionCode(), rule.channel().name()))
                        .toList(),
                bureau.configuredAt());
    }
}
