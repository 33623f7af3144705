package org.baokao.account.registration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The exam this registration form belongs to (one exam per deployment), who may register for it (ACC-3:
 * {@code ROSTER} in Shandong, {@code OPEN} in Shanghai) and the versions of the texts a candidate consents to
 * (ACC-1: consent is recorded with time and version).
 */
@ConfigurationProperties("baokao.account.registration")
public record RegistrationProperties(@DefaultValue("SD-ZSB-2023") String examCode,
        @DefaultValue("2023-03") String privacyPolicyVersion, @DefaultValue("2023-03") String serviceTermsVersion,
        @DefaultValue("ROSTER") RegistrationGate gate) {
}
