package org.baokao.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baokao.personaldata.PersonalDataTestKeys.KEY_A;
import static org.baokao.personaldata.PersonalDataTestKeys.KEY_B;
import static org.baokao.personaldata.PersonalDataTestKeys.LOOKUP;
import static org.baokao.personaldata.PersonalDataTestKeys.properties;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/** ACC-10: personal data sealed at rest, opened by key id, found by keyed hash. */
class PersonalDataProtectorTest {

    final PersonalDataProtector onlyA = new PersonalDataProtector(properties("a", Map.of("a", KEY_A), LOOKUP));

    @Test
    void roundTrip() {
        for (String value : new String[] {"370102199003071234", "13112348780", "张三", "阿卜杜·热合曼", "𠮷田", ""}) {
            Sealed sealed = onlyA.seal(value);

            assertThat(sealed.keyId()).isEqualTo("a");
            assertThat(onlyA.open(sealed)).isEqualTo(value);
        }
    }

    @Test
    void theStoredBytesAreIvThenCiphertextAndTagWithoutThePlaintext() {
        String value = "370102199003071234";
        byte[] data = onlyA.seal(value).data();

        assertThat(data).hasSize(12 + value.length() + 16);
        assertThat(new String(data, StandardCharsets.ISO_8859_1)).doesNotContain(value).doesNotContain("3701");
    }

    @Test
    void itIsStandardAes256GcmWithTheKeyIdAsAssociatedData() throws Exception {
        byte[] data = onlyA.seal("13112348780").data();

        // decrypt independently with the JDK: key A, IV = first 12 bytes, 128-bit tag, AAD = "a"
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(KEY_A), "AES"),
                new GCMParameterSpec(128, Arrays.copyOf(data, 12)));
        cipher.updateAAD("a".getBytes(StandardCharsets.UTF_8));
        byte[] plaintext = cipher.doFinal(data, 12, data.length - 12);

        assertThat(new String(plaintext, StandardCharsets.UTF_8)).isEqualTo("13112348780");
    }

    @Test
    void aFreshIvEveryTimeSoEqualValuesLookDifferent() {
        Set<String> ivs = new HashSet<>();
        Set<String> ciphertexts = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            byte[] data = onlyA.seal("13112348780").data();
            ivs.add(Base64.getEncoder().encodeToString(Arrays.copyOf(data, 12)));
            ciphertexts.add(Base64.getEncoder().encodeToString(data));
        }
        assertThat(ivs).hasSize(100);
        assertThat(ciphertexts).hasSize(100);
    }

    @Test
    void everyFlippedBitIsDetected() {
        byte[] data = onlyA.seal("370102199003071234").data();
        for (int i = 0; i < data.length; i++) {
            byte[] tampered = data.clone();
            tampered[i] ^= 0x01;
            int position = i;
            assertThatThrownBy(() -> onlyA.open(new Sealed("a", tampered)))
                    .as("bit flipped in byte %d", position)
                    .isInstanceOf(PersonalDataException.class)
                    .hasMessageContaining("failed authentication");
        }
    }

    @Test
    void truncatedDataIsRefused() {
        byte[] data = onlyA.seal("13112348780").data();

        assertThatThrownBy(() -> onlyA.open(new Sealed("a", Arrays.copyOf(data, data.length - 1))))
                .isInstanceOf(PersonalDataException.class);
        assertThatThrownBy(() -> onlyA.open(new Sealed("a", Arrays.copyOf(data, 27))))
                .isInstanceOf(PersonalDataException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> onlyA.open(new Sealed("a", new byte[0])))
                .isInstanceOf(PersonalDataException.class).hasMessageContaining("truncated");
    }

    @Test
    void anUnknownKeyIdIsRefused() {
        Sealed sealed = onlyA.seal("13112348780");

        assertThatThrownBy(() -> onlyA.open(new Sealed("z", sealed.data())))
                .isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("'z'").hasMessageContaining("not configured");
    }

    @Test
    void theKeyIdIsBoundRelabellingFails() {
        // the same key material under two ids: only the AAD differs, and it is checked
        PersonalDataProtector twoIds = new PersonalDataProtector(
                properties("a", Map.of("a", KEY_A, "b", KEY_A), LOOKUP));
        Sealed sealed = twoIds.seal("13112348780");

        assertThat(twoIds.open(sealed)).isEqualTo("13112348780");
        assertThatThrownBy(() -> twoIds.open(new Sealed("b", sealed.data())))
                .isInstanceOf(PersonalDataException.class).hasMessageContaining("failed authentication");
    }

    @Test
    void aValueSealedUnderAnotherKeyWithTheSameIdIsRefused() {
        PersonalDataProtector otherA = new PersonalDataProtector(properties("a", Map.of("a", KEY_B), LOOKUP));

        assertThatThrownBy(() -> otherA.open(onlyA.seal("13112348780")))
                .isInstanceOf(PersonalDataException.class);
    }

    @Test
    void keyRotationOldRowsStayReadableNewOnesUseTheActiveKey() {
        Sealed beforeRotation = onlyA.seal("370102199003071234");

        PersonalDataProtector rotated = new PersonalDataProtector(
                properties("b", Map.of("a", KEY_A, "b", KEY_B), LOOKUP));
        Sealed afterRotation = rotated.seal("370102199003071234");

        assertThat(rotated.activeKeyId()).isEqualTo("b");
        assertThat(rotated.open(beforeRotation)).isEqualTo("370102199003071234");
        assertThat(afterRotation.keyId()).isEqualTo("b");
        assertThat(rotated.open(afterRotation)).isEqualTo("370102199003071234");
        assertThat(rotated.needsResealing(beforeRotation)).isTrue();
        assertThat(rotated.needsResealing(afterRotation)).isFalse();
        // a node still on the old configuration cannot read the new rows, and says so
        assertThatThrownBy(() -> onlyA.open(afterRotation)).isInstanceOf(PersonalDataException.class);
    }

    @Test
    void valuesSealedBeforeTheServicesSharedThisLibraryStillOpen() {
        // sealed by enrollment-service's PersonalDataSealer and account-service's PersonalDataProtector as they
        // were before this library (commit 50c676d): stored rows in both services are in this format
        PersonalDataProtector enrollment = new PersonalDataProtector(properties("enr-1", Map.of("enr-1", KEY_A), null));
        PersonalDataProtector account = new PersonalDataProtector(properties("acc-2", Map.of("acc-2", KEY_B), LOOKUP));

        assertThat(enrollment.open(new Sealed("enr-1", Base64.getDecoder().decode(
                "Mj61bP17hu01ayy0ZMkWiajMuDzNZh5hTRpgFCMLz20ZfHiXCJIH7qIgJc1II7VC")))).isEqualTo("阿卜杜·热合曼");
        assertThat(account.open(new Sealed("acc-2", Base64.getDecoder().decode(
                "kDXYTD4EZ/RumhH+0h2H2PvNXzGZ35KgOPe90FzHRIZroXwd2TokbOg+AIICNw==")))).isEqualTo("370102199003071234");
    }

    @Test
    void sealedComparesByValueAndNeverPrintsItsBytes() {
        byte[] data = {1, 2, 3};
        Sealed sealed = new Sealed("a", data);
        data[0] = 9; // the record copied the array

        assertThat(sealed).isEqualTo(new Sealed("a", new byte[] {1, 2, 3}))
                .hasSameHashCodeAs(new Sealed("a", new byte[] {1, 2, 3}))
                .isNotEqualTo(new Sealed("b", new byte[] {1, 2, 3}));
        sealed.data()[1] = 9;
        assertThat(sealed.data()).containsExactly(1, 2, 3);
        assertThat(sealed).hasToString("Sealed[keyId=a, 3 bytes]");
    }
}
