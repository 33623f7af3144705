package org.baokao.enrollment.partner;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The partner bureaus known to the platform ({@code baokao.partners}), kept beside their Keycloak clients: a client
 * with role {@code partner} that is not listed here reads nothing (403 {@code PARTNER_UNKNOWN}). Configuration, not
 * data: partners are few, change with a contract, and each needs a Keycloak client set up at the same time.
 */
@ConfigurationProperties("baokao")
public record PartnerDirectory(List<Partner> partners) {

    public PartnerDirectory {
        partners = partners == null ? List.of() : List.copyOf(partners);
    }

    public Optional<Partner> find(String clientId) {
        return partners.stream().filter(partner -> partner.clientId().equals(clientId)).findFirst();
    }

    /** The partners that read {@code bureau}'s data: the ones its candidates may grant consent to (API-3). */
    public List<Partner> of(String bureau) {
        return partners.stream().filter(partner -> partner.bureau().equals(bureau)).toList();
    }
}
