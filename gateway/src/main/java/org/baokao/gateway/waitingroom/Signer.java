package org.baokao.gateway.waitingroom;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.baokao.domain.DomainModel;

/**
 * Signs the waiting room's cookies with HMAC-SHA256 under a secret every gateway instance shares, so a pass or a
 * ticket given by one instance is honoured by the others, and nobody can write themselves an earlier ticket or a
 * pass. The signed form is {@code PAYLOAD.SIGNATURE} (base64url), safe in a cookie.
 */
@DomainModel
public final class Signer {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Mac prototype;

    public Signer(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the waiting room's secret needs at least 16 bytes");
        }
        try {
            prototype = Mac.getInstance(ALGORITHM);
            prototype.init(new SecretKeySpec(secret, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }

    public String sign(String payload) {
        if (payload.contains(".")) {
            throw new IllegalArgumentException("a signed payload holds no '.': " + payload);
        }
        return payload + "." + BASE64.encodeToString(mac(payload));
    }

    /** The payload, if {@code signed} carries its valid signature. */
    public Optional<String> verify(String signed) {
        int dot = signed.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = signed.substring(0, dot);
        byte[] signature;
        try {
            signature = DECODER.decode(signed.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(mac(payload), signature) ? Optional.of(payload) : Optional.empty();
    }

    private byte[] mac(String payload) {
        Mac mac;
        try {
            // a Mac is not thread-safe; a clone of the initialised one is cheaper than a fresh one
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
        return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
    }
}
