package org.baokao.enrollment.personaldata;

import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * This service's keys for personal data at rest (ACC-10), under {@code baokao.personal-data}, spelled as in
 * account-service but never the same values (each service has its own keys):
 *
 * <pre>
 * baokao:
 *   personal-data:
 *     active-key-id: k2      # new values are sealed with this key
 *     keys:                  # key id -> base64 of 32 random bytes (AES-256); older keys stay to open older rows
 *       k1: ...
 *       k2: ...
 * </pre>
 *
 * Environment: {@code BAOKAO_PERSONALDATA_ACTIVEKEYID}, {@code BAOKAO_PERSONALDATA_KEYS_K2}. No defaults in code:
 * the service refuses to start without them. Generate a key with {@code openssl rand -base64 32}.
 */
@ConfigurationProperties("baokao.personal-data")
public record PersonalDataProperties(String activeKeyId, Map<String, String> keys) {

    private static final String PREFIX = "baokao.personal-data.";
    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9-]{1,32}");

    public PersonalDataProperties {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException(PREFIX + "keys is missing: list at least one AES-256 key "
                    + "(key id -> base64 of 32 random bytes, e.g. from 'openssl rand -base64 32')");
        }
        keys = Map.copyOf(keys);
        for (Map.Entry<String, String> key : keys.entrySet()) {
            if (!KEY_ID.matcher(key.getKey()).matches()) {
                throw new IllegalArgumentException(PREFIX + "keys: key id '" + key.getKey()
                        + "' must be 1 to 32 lower-case letters, digits or '-'");
            }
            if (decode(key.getKey(), key.getValue()).length != 32) {
                throw new IllegalArgumentException(PREFIX + "keys." + key.getKey()
                        + " must be 32 bytes (AES-256) once base64-decoded");
            }
        }
        if (activeKeyId == null || !keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException(PREFIX + "active-key-id '" + activeKeyId + "' is not one of "
                    + PREFIX + "keys " + keys.keySet());
        }
    }

    byte[] aesKey(String keyId) {
        return decode(keyId, keys.get(keyId));
    }

    private static byte[] decode(String keyId, String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException(PREFIX + "keys." + keyId + " is missing");
        }
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            // the value itself is a secret: never part of the message
            throw new IllegalArgumentException(PREFIX + "keys." + keyId + " is not valid base64");
        }
    }

    @Override
    public String toString() {
        return "PersonalDataProperties[activeKeyId=" + activeKeyId + ", keys=" + keys.keySet() + "]";
    }
}
