package org.baokao.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baokao.personaldata.PersonalDataTestKeys.KEY_A;
import static org.baokao.personaldata.PersonalDataTestKeys.KEY_B;
import static org.baokao.personaldata.PersonalDataTestKeys.LOOKUP;
import static org.baokao.personaldata.PersonalDataTestKeys.OTHER_LOOKUP;
import static org.baokao.personaldata.PersonalDataTestKeys.properties;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/** ACC-10: personal data found by keyed hash, stable across releases so stored look-up columns keep matching. */
class LookupHasherTest {

    final LookupHasher hasher = new LookupHasher(properties("a", Map.of("a", KEY_A), LOOKUP));

    @Test
    void lookupHashIsHmacSha256HexStableAndKeyDependent() {
        String hash = hasher.hash("370102199003071234");

        assertThat(hash).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(hasher.hash("370102199003071234")).isEqualTo(hash);
        assertThat(new LookupHasher(properties("b", Map.of("b", KEY_B), LOOKUP)).hash("370102199003071234"))
                .as("same look-up key, other encryption key: same hash").isEqualTo(hash);
        assertThat(new LookupHasher(properties("a", Map.of("a", KEY_A), OTHER_LOOKUP)).hash("370102199003071234"))
                .as("other look-up key: other hash").isNotEqualTo(hash);
        assertThat(hasher.hash("370102199003071235")).isNotEqualTo(hash);
        assertThat(hasher.hash("13112348780")).isNotEqualTo(hash);
    }

    @Test
    void lookupHashMatchesAnIndependentHmac() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(LOOKUP), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("张三".getBytes(StandardCharsets.UTF_8)));

        assertThat(hasher.hash("张三")).isEqualTo(expected);
    }

    @Test
    void theHashStoredBeforeTheServicesSharedThisLibraryStillMatches() {
        // account-service's PersonalDataProtector.lookupHash before this library (commit 50c676d), as stored in
        // its id_number_hash and phone_hash columns and carried in events
        assertThat(hasher.hash("370102199003071234"))
                .isEqualTo("28b9d1efdc3c9d4d5f1b6e401e78667e2cae9f035af9f8104747a175059a08a1");
    }

    @Test
    void withoutALookupKeyItRefusesNamingTheSetting() {
        assertThatThrownBy(() -> new LookupHasher(properties("a", Map.of("a", KEY_A), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baokao.personal-data.lookup-key is missing");
        assertThatThrownBy(() -> new LookupHasher(properties("a", Map.of("a", KEY_A), " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baokao.personal-data.lookup-key is missing");
    }
}
