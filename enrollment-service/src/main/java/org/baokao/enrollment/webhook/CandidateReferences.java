package org.baokao.enrollment.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.baokao.domain.DomainModel;

/**
 * The pseudonymous candidate reference a partner reads in its deliveries (API-2, API-3): the same for every event of
 * one candidate to one partner, so the partner can put them together, and unrelated across partners (each has its
 * own random key), so two partners cannot match their candidates, and none can learn who it is without the
 * candidate's consent to read admission data. {@code cand_} and 128 bits of HMAC-SHA256 of the candidate's id.
 */
@DomainModel
public final class CandidateReferences {

    private CandidateReferences() {
    }

    public static String of(byte[] partnerKey, UUID candidateId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(partnerKey, "HmacSHA256"));
            byte[] digest = mac.doFinal(candidateId.toString().getBytes(StandardCharsets.UTF_8));
            return "cand_" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
