package org.baokao.enrollment.confirmation;

import org.baokao.domain.Refusal;
import org.baokao.web.bureau.BureauAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import tools.jackson.databind.JsonNode;

/**
 * The candidate's name and ID number, masked, from account-service's {@code GET /api/accounts/me} called with the
 * candidate's token: the same values the candidate sees on 我的账号. A 确认单 without them would confirm nobody, so
 * when account-service does not answer in time, or its circuit breaker is open after repeated failures, the download
 * is refused (503 {@code CANDIDATE_INFO_UNAVAILABLE}), not printed blank.
 */
final class AccountServiceIdentities {

    private static final Logger log = LoggerFactory.getLogger(AccountServiceIdentities.class);

    private final RestClient http;
    private final CircuitBreaker breaker;

    AccountServiceIdentities(RestClient http, CircuitBreaker breaker) {
        this.http = http;
        this.breaker = breaker;
    }

    MaskedIdentity of(Caller caller) {
        JsonNode me;
        try {
            me = breaker.executeSupplier(() -> http.get().uri("/api/accounts/me")
                    .header("Authorization", "Bearer " + caller.accessToken())
                    .header(BureauAddress.HEADER, caller.bureau())
                    .retrieve().body(JsonNode.class));
        } catch (CallNotPermittedException open) {
            throw unavailable();
        } catch (RestClientException e) {
            log.warn("account-service did not give the candidate's masked identity ({}): {}", caller, e.toString());
            throw unavailable();
        }
        if (me == null || !me.path("maskedName").isString() || !me.path("maskedIdNumber").isString()) {
            log.warn("account-service answered no masked name or ID number ({})", caller);
            throw unavailable();
        }
        return new MaskedIdentity(me.path("maskedName").asString(), me.path("maskedIdNumber").asString());
    }

    private static Refusal unavailable() {
        return Refusal.unavailable("CANDIDATE_INFO_UNAVAILABLE", "暂时无法读取考生信息，请稍后再下载报考信息确认单");
    }
}
