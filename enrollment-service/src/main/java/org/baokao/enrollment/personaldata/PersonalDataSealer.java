package org.baokao.enrollment.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Seals personal data this service keeps (the candidate's name from the roster, ACC-10) with AES-256-GCM under
 * the active key: a fresh 12-byte IV per value, the key id as associated data, the key id stored beside it so
 * older rows stay readable after a rotation. The same format as account-service's, with this service's keys.
 */
@Component
@EnableConfigurationProperties(PersonalDataProperties.class)
public class PersonalDataSealer {

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String activeKeyId;
    private final Map<String, SecretKey> keys;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataSealer(PersonalDataProperties properties) {
        this.activeKeyId = properties.activeKeyId();
        Map<String, SecretKey> byId = new LinkedHashMap<>();
        properties.keys().keySet().forEach(id -> byId.put(id, new SecretKeySpec(properties.aesKey(id), "AES")));
        this.keys = Map.copyOf(byId);
    }

    public Sealed seal(String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(activeKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] data = new byte[IV_BYTES + ciphertext.length];
            System.arraycopy(iv, 0, data, 0, IV_BYTES);
            System.arraycopy(ciphertext, 0, data, IV_BYTES, ciphertext.length);
            return new Sealed(activeKeyId, data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** The plaintext; a value that does not authenticate under its key id is an {@link IllegalStateException}. */
    public String open(Sealed sealed) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("Personal data sealed with key id '" + sealed.keyId()
                    + "', which is not configured (baokao.personal-data.keys " + keys.keySet() + ")");
        }
        byte[] data = sealed.data();
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            cipher.updateAAD(sealed.keyId().getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Personal data sealed with key id '" + sealed.keyId()
                    + "' cannot be opened: tampered with, or not sealed under this key", e);
        }
    }
}
