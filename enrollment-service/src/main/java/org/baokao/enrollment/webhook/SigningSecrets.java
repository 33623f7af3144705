package org.baokao.enrollment.webhook;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import org.baokao.domain.DomainModel;

/**
 * A subscription's signing secrets (API-2): the current one, and after a rotation the one before it, which keeps
 * signing beside the new one until {@code previousUntil} so the partner can switch over without losing a delivery.
 * A secret is {@code whsec_} and 32 random bytes in base64url; the partner's HMAC key is the secret's text as
 * UTF-8, exactly as shown.
 */
@DomainModel
public record SigningSecrets(String current, String previous, Instant previousUntil) {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final String PREFIX = "whsec_";

    public SigningSecrets {
        Objects.requireNonNull(current, "current");
        if ((previous == null) != (previousUntil == null)) {
            throw new IllegalArgumentException("a previous secret needs the end of its overlap, and only it");
        }
    }

    /** A fresh secret: 32 bytes from a strong random source. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static SigningSecrets of(String current) {
        return new SigningSecrets(current, null, null);
    }

    /** The secrets that sign a delivery sent at {@code now}: the current one first. */
    public List<String> signingAt(Instant now) {
        return previous != null && now.isBefore(previousUntil) ? List.of(current, previous) : List.of(current);
    }

    @Override
    public String toString() {
        return "SigningSecrets[***" + (previous == null ? "" : ", previous until " + previousUntil) + "]";
    }
}
