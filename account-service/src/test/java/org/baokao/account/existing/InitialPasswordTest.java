package org.baokao.account.existing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ACC-9 (seed 004 §1): the initial password is the ID number's last 6 characters, left-padded with 0. */
class InitialPasswordTest {

    @Test
    void theLastSixCharactersOfTheNumber() {
        assertThat(InitialPassword.of("31010419900307451X")).isEqualTo("07451X");
        assertThat(InitialPassword.of("E12345678")).isEqualTo("345678");
        assertThat(InitialPassword.of("123456")).isEqualTo("123456");
    }

    @Test
    void aShorterNumberIsLeftPaddedWithZeros() {
        assertThat(InitialPassword.of("E1234")).isEqualTo("0E1234");
        assertThat(InitialPassword.of("7")).isEqualTo("000007");
    }
}
