package org.baokao.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Personal data at rest (ACC-10): ID numbers, phone numbers and names are stored sealed; a service that must find
 * them does so by {@link LookupHasher a keyed hash} of their normalized form instead of by decrypting. Every
 * service that keeps personal data seals it here, each under its own keys, in the one format {@link Sealed}
 * describes.
 *
 * <ul>
 *   <li>{@link #seal}: AES-256-GCM under the active key, a fresh random 12-byte IV per value, a 128-bit tag,
 *       and the key id as additional authenticated data (a value relabelled with another key id fails).</li>
 *   <li>{@link #open}: picks the key by the stored key id, so after a rotation old rows stay readable while new
 *       ones use the active key. Anything that does not authenticate throws {@link PersonalDataException}.</li>
 * </ul>
 *
 * Thread-safe.
 */
public class PersonalDataProtector {

    private static final String CIPHER = "AES/GCM/NoPadding";
    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;

    private final String activeKeyId;
    private final Map<String, SecretKey> keys;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataProtector(PersonalDataProperties properties) {
        Objects.requireNonNull(properties, "properties");
        this.activeKeyId = properties.activeKeyId();
        Map<String, SecretKey> byId = new LinkedHashMap<>();
        for (String keyId : properties.keys().keySet()) {
            byId.put(keyId, new SecretKeySpec(properties.aesKey(keyId), "AES"));
        }
        this.keys = Map.copyOf(byId);
    }

    /** The id of the key {@link #seal} uses. */
    public String activeKeyId() {
        return activeKeyId;
    }

    /** Seals {@code plaintext} (UTF-8) under the active key. */
    public Sealed seal(String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(activeKeyId));
            byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] data = new byte[IV_BYTES + ciphertext.length];
            System.arraycopy(iv, 0, data, 0, IV_BYTES);
            System.arraycopy(ciphertext, 0, data, IV_BYTES, ciphertext.length);
            return new Sealed(activeKeyId, data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** The plaintext of a value sealed by {@link #seal} under any key still listed in the configuration. */
    public String open(Sealed sealed) {
        Objects.requireNonNull(sealed, "sealed");
        String keyId = sealed.keyId();
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new PersonalDataException("Personal data sealed with key id '" + keyId
                    + "', which is not configured (baokao.personal-data.keys " + keys.keySet() + ")");
        }
        byte[] data = sealed.data();
        if (data.length < IV_BYTES + TAG_BITS / 8) {
            throw new PersonalDataException("Personal data sealed with key id '" + keyId + "' is truncated: "
                    + data.length + " bytes");
        }
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            cipher.updateAAD(associatedData(keyId));
            byte[] plaintext = cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES);
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new PersonalDataException("Personal data sealed with key id '" + keyId
                    + "' failed authentication: tampered with, or not sealed under this key id", e);
        } catch (GeneralSecurityException e) {
            throw new PersonalDataException("Personal data sealed with key id '" + keyId + "' cannot be opened", e);
        }
    }

    /** Whether {@code sealed} uses an older key: a re-sealing job can move it to the active key. */
    public boolean needsResealing(Sealed sealed) {
        return !activeKeyId.equals(sealed.keyId());
    }

    private static byte[] associatedData(String keyId) {
        return keyId.getBytes(StandardCharsets.UTF_8);
    }
}
