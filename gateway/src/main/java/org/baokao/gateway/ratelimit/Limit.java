package org.baokao.gateway.ratelimit;

/**
 * The one bucket a request takes a token from: its kind, whose bucket it is (an address, a candidate, an operator,
 * a partner client) and its rate.
 */
public record Limit(LimitClass limitClass, String subject, Rate rate) {

    private static final String PREFIX = "baokao:rate-limit:";

    /**
     * The bucket's key in the shared store. The rate is part of it, so a changed limit (or a partner's new quota)
     * starts fresh buckets instead of keeping the old one's shape.
     */
    public String bucketKey() {
        return PREFIX + limitClass.label() + ":" + rate.shape() + ":" + subject;
    }
}
