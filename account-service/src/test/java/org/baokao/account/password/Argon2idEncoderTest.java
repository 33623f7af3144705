package org.baokao.account.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** ACC-4: passwords stored with Argon2id at OWASP's minimum, in the standard encoded form. */
class Argon2idEncoderTest {

    private final PasswordEncoder ours = PasswordHashing.encoder();
    private final PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);

    @Test
    void storesTheParametersWithTheHash() {
        String hash = ours.encode("Secret@2026");

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hash).doesNotContain("Secret@2026");
        assertThat(ours.encode("Secret@2026")).as("a fresh salt each time").isNotEqualTo(hash);
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = ours.encode("Secret@2026");

        assertThat(ours.matches("Secret@2026", hash)).isTrue();
        assertThat(ours.matches("Secret@2027", hash)).isFalse();
        assertThat(ours.matches("", hash)).isFalse();
        assertThat(ours.matches("Secret@2026", "not a hash")).isFalse();
        assertThat(ours.matches("Secret@2026", null)).isFalse();
    }

    @Test
    void isInterchangeableWithSpringSecuritysEncoder() {
        assertThat(spring.matches("密码Secret@2026", ours.encode("密码Secret@2026"))).isTrue();
        assertThat(ours.matches("密码Secret@2026", spring.encode("密码Secret@2026"))).isTrue();
        assertThat(ours.matches("Secret@2027", spring.encode("密码Secret@2026"))).isFalse();
    }

    @Test
    void hashesStoredWithOtherParametersStillVerify() {
        String older = new Argon2PasswordEncoder(16, 32, 1, 16 * 1024, 3).encode("Secret@2026");

        assertThat(ours.matches("Secret@2026", older)).isTrue();
        assertThat(ours.matches("Secret@2027", older)).isFalse();
    }

    @Test
    void reusedMemoryGivesTheSameAnswers() {
        String hash = ours.encode("Secret@2026");
        for (int i = 0; i < 5; i++) {
            assertThat(ours.matches("Secret@2026", hash)).isTrue();
            assertThat(ours.matches("Secret@2025", hash)).isFalse();
        }
    }
}
