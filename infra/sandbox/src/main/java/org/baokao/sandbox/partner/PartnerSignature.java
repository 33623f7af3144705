package org.baokao.sandbox.partner;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The check a partner makes, written as docs/PARTNER-API.md tells partners to write it (and not shared with the
 * platform's code, so a mistake on one side shows): {@code Baokao-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>]};
 * valid when t is within 5 minutes of now and any v1 equals HMAC-SHA256(secret, t + "." + body), compared in
 * constant time.
 */
final class PartnerSignature {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private PartnerSignature() {
    }

    static boolean valid(String header, byte[] body, String secret, Instant now) {
        if (header == null || secret == null) {
            return false;
        }
        long timestamp = -1;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                try {
                    timestamp = Long.parseLong(part.substring(2));
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        if (timestamp < 0 || Math.abs(now.getEpochSecond() - timestamp) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = hmac(secret, timestamp, body);
        boolean valid = false;
        for (String part : header.split(",")) {
            if (part.startsWith("v1=")) {
                byte[] given;
                try {
                    given = HexFormat.of().parseHex(part.substring(3));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                valid |= MessageDigest.isEqual(expected, given);
            }
        }
        return valid;
    }

    /** How many v1 signatures the header carries (two during a secret rotation's overlap). */
    static int count(String header) {
        int count = 0;
        if (header != null) {
            for (String part : header.split(",")) {
                count += part.startsWith("v1=") ? 1 : 0;
            }
        }
        return count;
    }

    private static byte[] hmac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
