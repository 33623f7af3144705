package org.baokao.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule refuses: a stable machine-readable {@code code} the clients switch on, the Chinese message a person reads,
 * and the {@link Kind} of refusal. Aggregates, policies and services throw it; the web edge (libs/web-support's
 * problem handler) is the one place that turns a kind into an HTTP status and the refusal into problem details.
 * It carries no stack trace: a refusal is an answer, not a fault, and it is thrown on busy paths.
 */
public class Refusal extends RuntimeException {

    /** What kind of "no" this is; the edge maps each to one HTTP status. */
    public enum Kind {
        /** The input breaks a rule (400). */
        INVALID,
        /** Not found, or not this caller's to see (404): never tells which. */
        NOT_FOUND,
        /** The state of things does not allow it now (409). */
        CONFLICT,
        /** This caller may not do it (403). */
        FORBIDDEN,
        /** The caller's proof of identity is missing or no longer valid (401). */
        UNAUTHENTICATED,
        /** Temporarily locked after too many failures (423). */
        LOCKED,
        /** Too often or too many today (429). */
        TOO_MANY,
        /** The file or content is larger than allowed (413). */
        TOO_LARGE,
        /** The file is of a format not accepted (415). */
        UNSUPPORTED_FORMAT,
        /** The content was read and fails a check, e.g. a photo without a face (422). */
        REJECTED,
        /** It existed but is over for good, e.g. an expired link (410). */
        GONE,
        /** The caller must say which version it changes (428). */
        VERSION_REQUIRED,
        /** Something it depends on is down or overloaded; try again later (503). */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String code;
    private final Duration retryAfter;

    public Refusal(Kind kind, String code, String chineseMessage) {
        this(kind, code, chineseMessage, null);
    }

    private Refusal(Kind kind, String code, String chineseMessage, Duration retryAfter) {
        super(chineseMessage, null, false, false);
        this.kind = Objects.requireNonNull(kind);
        this.code = Objects.requireNonNull(code);
        this.retryAfter = retryAfter;
    }

    public static Refusal invalid(String code, String chineseMessage) {
        return new Refusal(Kind.INVALID, code, chineseMessage);
    }

    public static Refusal notFound(String code, String chineseMessage) {
        return new Refusal(Kind.NOT_FOUND, code, chineseMessage);
    }

    public static Refusal conflict(String code, String chineseMessage) {
        return new Refusal(Kind.CONFLICT, code, chineseMessage);
    }

    public static Refusal forbidden(String code, String chineseMessage) {
        return new Refusal(Kind.FORBIDDEN, code, chineseMessage);
    }

    public static Refusal unauthenticated(String code, String chineseMessage) {
        return new Refusal(Kind.UNAUTHENTICATED, code, chineseMessage);
    }

    public static Refusal locked(String code, String chineseMessage) {
        return new Refusal(Kind.LOCKED, code, chineseMessage);
    }

    public static Refusal tooMany(String code, String chineseMessage) {
        return new Refusal(Kind.TOO_MANY, code, chineseMessage);
    }

    /** Too often for now: the caller may try again after {@code retryAfter} (the edge says so in Retry-After). */
    public static Refusal tooMany(String code, String chineseMessage, Duration retryAfter) {
        return new Refusal(Kind.TOO_MANY, code, chineseMessage, Objects.requireNonNull(retryAfter));
    }

    public static Refusal tooLarge(String code, String chineseMessage) {
        return new Refusal(Kind.TOO_LARGE, code, chineseMessage);
    }

    public static Refusal gone(String code, String chineseMessage) {
        return new Refusal(Kind.GONE, code, chineseMessage);
    }

    public static Refusal versionRequired(String code, String chineseMessage) {
        return new Refusal(Kind.VERSION_REQUIRED, code, chineseMessage);
    }

    public static Refusal unavailable(String code, String chineseMessage) {
        return new Refusal(Kind.UNAVAILABLE, code, chineseMessage);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** How long until trying again may succeed, when the rule knows it. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public String toString() {
        return "Refusal[" + kind + " " + code + ": " + getMessage() + "]";
    }
}
