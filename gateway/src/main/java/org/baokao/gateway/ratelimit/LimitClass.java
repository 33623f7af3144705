package org.baokao.gateway.ratelimit;

/**
 * The kinds of limit (GW-1), each with its own buckets; {@link #label()} is the name in configuration
 * ({@code baokao.gateway.rate-limits.<label>}), in the bucket keys and in the metric's {@code limit} tag.
 */
public enum LimitClass {

    /** Any other {@code /api} call without a candidate's or operator's token, per client address. */
    ADDRESS("address"),
    /** Image captchas (ACC-6), per client address: each one is a row and a drawing at account-service. */
    CAPTCHA("captcha"),
    /** SMS and e-mail codes (ACC-6), per client address: each one costs a message. */
    SMS_CODE("sms-code"),
    /** Logins and password resets (ACC-5, ACC-7), per client address: password guessing. */
    LOGIN("login"),
    /** A logged-in candidate's own API, per candidate. */
    CANDIDATE("candidate"),
    /** The operator console's API, per operator: generous, a runaway script rather than a person. */
    OPERATOR("operator"),
    /** The partner API (API-1), per partner client, from its token's own quota. */
    PARTNER("partner");

    private final String label;

    LimitClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
