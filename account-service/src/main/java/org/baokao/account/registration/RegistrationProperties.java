package org.baokao.account.registration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The exam this registration form belongs to (Shandong: one roster-gated exam per deployment) and the
 * versions of the texts a candidate consents to (ACC-1: consent is recorded with time and version).
 */
@ConfigurationProperties("baokao.account.registration")
public record RegistrationProperties(@DefaultValue("SD-ZSB-2023") String examCode,
        @DefaultValue("2023-03") String privacyPolicyVersion, @DefaultValue("2023-03") String serviceTermsVersion) {
}
