package org.baokao.photo.identity;

import java.util.UUID;

import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Name and ID number from account-service's internal endpoint ({@code /internal/candidates/{id}/identity}, realm
 * role {@code service}, audited there). Read per comparison, never kept: photo-service stores no identity data.
 */
final class AccountServiceIdentities implements CandidateIdentities {

    private final RestClient http;
    private final ServiceToken token;

    AccountServiceIdentities(RestClient http, ServiceToken token) {
        this.http = http;
        this.token = token;
    }

    @Override
    public CandidateIdentity of(UUID candidateId) {
        try {
            return http.get().uri("/internal/candidates/{id}/identity", candidateId)
                    .header("Authorization", "Bearer " + token.value())
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        if (status == 200) {
                            CandidateIdentity identity = response.bodyTo(CandidateIdentity.class);
                            if (identity == null || identity.idNumber() == null || identity.name() == null) {
                                throw new IdentityProviderUnavailableException("IDENTITY_INCOMPLETE",
                                        "考生身份信息不完整");
                            }
                            return identity;
                        }
                        // 404 (no account yet) and 401/403 (our token) need a person or time, not this candidate
                        throw new IdentityProviderUnavailableException(status == 404 ? "CANDIDATE_UNKNOWN"
                                : "ACCOUNT_SERVICE_" + status, "考生身份信息暂不可用：HTTP " + status);
                    });
        } catch (RestClientException e) {
            throw new IdentityProviderUnavailableException("ACCOUNT_SERVICE_UNREACHABLE", "账号服务无响应");
        }
    }
}
