package org.baokao.gateway.waitingroom;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.baokao.domain.DomainModel;

/**
 * GW-2: proof that a candidate was let in, kept in a cookie for {@code lifetime} and renewed while it is used, so
 * a candidate in the middle of a journey is never sent to the back of the line. Signed ({@link Signer}): only a
 * gateway instance can write one.
 */
@DomainModel
public record AdmissionPass(Instant expiresAt) {

    private static final String KIND = "p1";

    public static AdmissionPass issue(Instant now, Duration lifetime) {
        return new AdmissionPass(now.plus(lifetime));
    }

    public String signedWith(Signer signer) {
        return signer.sign(KIND + ":" + expiresAt.getEpochSecond());
    }

    /** The pass in a cookie's value, if it was signed by the shared secret and has not expired. */
    public static Optional<AdmissionPass> read(String value, Signer signer, Instant now) {
        return signer.verify(value)
                .flatMap(payload -> SignedFields.of(payload, KIND, 1))
                .map(fields -> new AdmissionPass(Instant.ofEpochSecond(fields[0])))
                .filter(pass -> pass.expiresAt.isAfter(now));
    }

    /** Renewed once half its life is gone: not on every request, yet never expiring while it is used. */
    public boolean wantsRenewal(Instant now, Duration lifetime) {
        return Duration.between(now, expiresAt).compareTo(lifetime.dividedBy(2)) < 0;
    }
}
