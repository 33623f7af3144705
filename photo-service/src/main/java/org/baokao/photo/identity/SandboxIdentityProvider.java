package org.baokao.photo.identity;

import java.util.Base64;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The identity provider played by {@code infra/sandbox} (locally, in tests, in demos), with the real contract: ID
 * type, ID number, name and the photo; the sandbox keeps a reference photo per ID number. Any 5xx, 408, 429 or no
 * answer is "try later".
 */
final class SandboxIdentityProvider implements IdentityProvider {

    private final RestClient http;

    SandboxIdentityProvider(RestClient http) {
        this.http = http;
    }

    @Override
    public ComparisonResult compare(CandidateIdentity who, byte[] normalizedJpeg) {
        try {
            return http.post().uri("/sandbox/identity/api/compare")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("idType", who.idType(), "idNumber", who.idNumber(), "name", who.name(),
                            "photo", Base64.getEncoder().encodeToString(normalizedJpeg)))
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        if (status == 200) {
                            Object result = response.bodyTo(Map.class).get("result");
                            try {
                                return ComparisonResult.valueOf(String.valueOf(result));
                            } catch (IllegalArgumentException e) {
                                throw new IdentityProviderUnavailableException("PROVIDER_ANSWER_INVALID",
                                        "身份核验服务的应答无法识别");
                            }
                        }
                        // a 4xx other than 408/429 means our request is wrong: retrying will not help, but the
                        // candidate must not be failed for our mistake either, so it waits for an operator too
                        throw new IdentityProviderUnavailableException(
                                status == 408 || status == 429 || status >= 500 ? "PROVIDER_UNAVAILABLE"
                                        : "PROVIDER_REJECTED_REQUEST",
                                "身份核验服务暂不可用：HTTP " + status);
                    });
        } catch (ResourceAccessException e) {
            throw new IdentityProviderUnavailableException("PROVIDER_UNREACHABLE", "身份核验服务无响应");
        }
    }
}
