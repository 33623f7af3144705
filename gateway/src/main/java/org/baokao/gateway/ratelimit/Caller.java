package org.baokao.gateway.ratelimit;

/** Who sends a request, as its verified token says (or no token at all). */
public sealed interface Caller {

    /** No token: a visitor, someone registering or logging in, a bank's callback. */
    record Anonymous() implements Caller {
    }

    /** A logged-in candidate: the token's subject. */
    record Candidate(String id) implements Caller {
    }

    /** An operator (or another Baokao service) with a Keycloak token: its subject. */
    record Operator(String id) implements Caller {
    }

    /**
     * A partner bureau's client (API-1): its client id ({@code azp}) and the quota its token carries
     * ({@code quota_per_minute}; null when the token has none).
     */
    record Partner(String clientId, Integer quotaPerMinute) implements Caller {
    }

    Caller ANONYMOUS = new Anonymous();
}
