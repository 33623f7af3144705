package org.baokao.personaldata;

import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A service's keys for personal data at rest (ACC-10), under {@code baokao.personal-data}: every service that
 * keeps personal data has its own values, spelled the same way. There are no defaults in code: a service that
 * protects personal data refuses to start without them, saying which setting is wrong. Plain Java, checked when
 * it is made; {@link PersonalDataAutoConfiguration} binds it from the service's configuration.
 *
 * <pre>
 * baokao:
 *   personal-data:
 *     active-key-id: k2                  # new values are sealed with this key
 *     keys:                              # key id -> base64 of 32 random bytes (AES-256)
 *       k1: ...                          # older keys stay listed so older rows stay readable
 *       k2: ...
 *     lookup-key: ...                    # base64 of at least 32 random bytes (HMAC-SHA256 for look-ups);
 *                                        # only a service that finds personal data by hash needs one
 * </pre>
 *
 * Environment: {@code BAOKAO_PERSONALDATA_ACTIVEKEYID}, {@code BAOKAO_PERSONALDATA_KEYS_K2} (one per key id),
 * {@code BAOKAO_PERSONALDATA_LOOKUPKEY}. Map entries bind only from this spelling (dashes dropped): Spring Boot
 * does not bind {@code BAOKAO_PERSONAL_DATA_KEYS_K2} into {@code keys}. Key ids are lower-case letters, digits
 * and {@code -} (at most 32): environment variables bind map keys in lower case, and the id is stored beside
 * every sealed value.
 * Generate a key with {@code openssl rand -base64 32}.
 *
 * @param activeKeyId the id of the key new values are sealed with; must be one of {@code keys}
 * @param keys        every key that may still be needed to open stored values, by id; base64, 32 bytes each
 * @param lookupKey   the HMAC key for look-up hashes; base64, at least 32 bytes, not one of the AES keys. Checked
 *                    whenever it is set; required only by {@link LookupHasher}, so a service that only seals
 *                    (enrollment-service's roster names) runs without one
 */
public record PersonalDataProperties(String activeKeyId, Map<String, String> keys, String lookupKey) {

    private static final String PREFIX = "baokao.personal-data.";
    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9-]{1,32}");
    static final int AES_KEY_BYTES = 32;
    static final int MIN_LOOKUP_KEY_BYTES = 32;

    public PersonalDataProperties {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException(PREFIX + "keys is missing: list at least one AES-256 key "
                    + "(key id -> base64 of 32 random bytes, e.g. from 'openssl rand -base64 32')");
        }
        Map<String, String> stripped = new LinkedHashMap<>();
        keys.forEach((id, value) -> stripped.put(id, value == null ? null : value.strip()));
        keys = Collections.unmodifiableMap(stripped);
        for (Map.Entry<String, String> key : keys.entrySet()) {
            if (!KEY_ID.matcher(key.getKey()).matches()) {
                throw new IllegalArgumentException(PREFIX + "keys: key id '" + key.getKey()
                        + "' must be 1 to 32 lower-case letters, digits or '-'");
            }
            byte[] bytes = decode(key.getValue(), "keys." + key.getKey());
            if (bytes.length != AES_KEY_BYTES) {
                throw new IllegalArgumentException(PREFIX + "keys." + key.getKey() + " must be " + AES_KEY_BYTES
                        + " bytes (AES-256) once base64-decoded, but is " + bytes.length + " bytes");
            }
        }
        if (activeKeyId == null || activeKeyId.isBlank()) {
            throw new IllegalArgumentException(PREFIX + "active-key-id is missing: name the key in "
                    + PREFIX + "keys that new values are sealed with");
        }
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException(PREFIX + "active-key-id '" + activeKeyId + "' is not one of "
                    + PREFIX + "keys " + keys.keySet());
        }
        lookupKey = lookupKey == null || lookupKey.isBlank() ? null : lookupKey.strip();
        if (lookupKey != null) {
            checkLookupKey(lookupKey, keys);
        }
    }

    private static void checkLookupKey(String lookupKey, Map<String, String> keys) {
        byte[] lookup = decode(lookupKey, "lookup-key");
        if (lookup.length < MIN_LOOKUP_KEY_BYTES) {
            throw new IllegalArgumentException(PREFIX + "lookup-key must be at least " + MIN_LOOKUP_KEY_BYTES
                    + " bytes once base64-decoded, but is " + lookup.length + " bytes");
        }
        for (Map.Entry<String, String> key : keys.entrySet()) {
            if (Arrays.equals(lookup, decode(key.getValue(), "keys." + key.getKey()))) {
                throw new IllegalArgumentException(PREFIX + "lookup-key must differ from the encryption key "
                        + PREFIX + "keys." + key.getKey());
            }
        }
    }

    /** The decoded AES key of this id. */
    byte[] aesKey(String keyId) {
        return Base64.getDecoder().decode(keys.get(keyId));
    }

    /** The decoded HMAC key; refused with the setting's name when this service has none. */
    byte[] lookupKeyBytes() {
        if (lookupKey == null) {
            throw new IllegalArgumentException(PREFIX + "lookup-key is missing: this service finds personal data "
                    + "by keyed hash and needs base64 of at least " + MIN_LOOKUP_KEY_BYTES + " random bytes, "
                    + "e.g. from 'openssl rand -base64 32' (never one of the " + PREFIX + "keys)");
        }
        return Base64.getDecoder().decode(lookupKey);
    }

    private static byte[] decode(String base64, String name) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException(PREFIX + name + " is missing");
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            // the value itself is never part of the message: it is a secret
            throw new IllegalArgumentException(PREFIX + name + " is not valid base64");
        }
    }

    /** Never prints key material. */
    @Override
    public String toString() {
        return "PersonalDataProperties[activeKeyId=" + activeKeyId + ", keys=" + keys.keySet() + ", lookupKey=***]";
    }
}
