package org.baokao.personaldata;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Keys for tests: fixed bytes, so failures are reproducible. Never used outside tests. */
final class PersonalDataTestKeys {

    static final String KEY_A = base64(32, 1);
    static final String KEY_B = base64(32, 2);
    static final String LOOKUP = base64(32, 3);
    static final String OTHER_LOOKUP = base64(48, 4);

    private PersonalDataTestKeys() {
    }

    static String base64(int bytes, int seed) {
        byte[] key = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            key[i] = (byte) (seed * 31 + i * 7);
        }
        return Base64.getEncoder().encodeToString(key);
    }

    static PersonalDataProperties properties(String activeKeyId, Map<String, String> keys, String lookupKey) {
        return new PersonalDataProperties(activeKeyId, new LinkedHashMap<>(keys), lookupKey);
    }
}
