package org.baokao.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Finds personal data without decrypting it (ACC-10): HMAC-SHA256 (lower-case hex, 64 characters) of a value's
 * normalized form with the look-up key ({@code baokao.personal-data.lookup-key}), for equality look-ups
 * ({@code where id_number_hash = ?}). Hash the normalized value (e.g. {@code IdDocument.number()}), so the same
 * number always gives the same hash. Changing the look-up key means recomputing every stored hash: it is not
 * rotated like the encryption keys.
 *
 * <p>Thread-safe.
 */
public class LookupHasher {

    private static final String HMAC = "HmacSHA256";

    private final SecretKey lookupKey;

    /** @throws IllegalArgumentException naming {@code baokao.personal-data.lookup-key} when it is not set */
    public LookupHasher(PersonalDataProperties properties) {
        Objects.requireNonNull(properties, "properties");
        this.lookupKey = new SecretKeySpec(properties.lookupKeyBytes(), HMAC);
    }

    /** HMAC-SHA256 of the UTF-8 bytes of {@code normalized} with the look-up key, as 64 lower-case hex digits. */
    public String hash(String normalized) {
        Objects.requireNonNull(normalized, "normalized");
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(lookupKey);
            return HexFormat.of().formatHex(mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
