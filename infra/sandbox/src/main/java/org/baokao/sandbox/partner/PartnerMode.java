package org.baokao.sandbox.partner;

/**
 * How a played partner's webhook endpoint behaves (API-2): the ways a real partner's server lets the platform down,
 * so tests and demos see its retries, order and dead letters at work.
 */
enum PartnerMode {
    /** Answers 200 at once (and checks the signature). */
    OK,
    /** Answers 500, for the next {@code failTimes} deliveries (then as OK), or for every one when not given. */
    FAILING,
    /** Answers 200 after {@code delayMs}, longer than the platform's request timeout by default. */
    SLOW,
    /** Closes every connection without an answer, as a server that went away. */
    DOWN
}
