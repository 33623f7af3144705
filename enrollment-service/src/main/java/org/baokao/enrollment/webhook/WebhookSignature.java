package org.baokao.enrollment.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.baokao.domain.DomainModel;

/**
 * The {@value #HEADER} header of a delivery (API-2): {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." +
 * body)>}, one {@code v1} per signing secret (two during a rotation's overlap). The timestamp is signed with the body,
 * so a partner that refuses old timestamps ({@link #TOLERANCE}) refuses a captured delivery played again later.
 * {@link #verify} is what docs/PARTNER-API.md shows partners.
 */
@DomainModel
public final class WebhookSignature {

    public static final String HEADER = "Baokao-Signature";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignature() {
    }

    public static String header(Instant at, String body, List<String> secrets) {
        long t = at.getEpochSecond();
        StringBuilder header = new StringBuilder("t=").append(t);
        for (String secret : secrets) {
            header.append(",v1=").append(sign(secret, t, body));
        }
        return header.toString();
    }

    /** Lower-case hex of HMAC-SHA256 with the secret's UTF-8 bytes as key over {@code t + "." + body} in UTF-8. */
    public static String sign(String secret, long t, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /**
     * Whether {@code header} signs {@code body} with {@code secret} at a time within {@code tolerance} of {@code now}:
     * any one {@code v1} matching counts, compared in constant time.
     */
    public static boolean verify(String header, String body, String secret, Instant now, Duration tolerance) {
        if (header == null) {
            return false;
        }
        Long t = null;
        List<String> signatures = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                continue;
            }
            if (pair[0].equals("t")) {
                try {
                    t = Long.parseLong(pair[1]);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (pair[0].equals("v1")) {
                signatures.add(pair[1]);
            }
        }
        if (t == null || Math.abs(now.getEpochSecond() - t) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, t, body).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String signature : signatures) {
            // every candidate compared in full: the time taken tells nothing about which, or how much, matched
            matched |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
        }
        return matched;
    }
}
