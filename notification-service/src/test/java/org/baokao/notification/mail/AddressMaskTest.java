package org.baokao.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ACC-10: an e-mail address is masked as z***@example.com wherever this service logs or stores it. */
class AddressMaskTest {

    @Test
    void anAddressKeepsItsFirstLetterAndItsDomain() {
        assertThat(AddressMask.mask("zhangsan.1990@example.com")).isEqualTo("z***@example.com");
        assertThat(AddressMask.mask("a@qq.com")).isEqualTo("a***@qq.com");
    }

    @Test
    void somethingThatIsNoAddressIsMaskedCompletely() {
        assertThat(AddressMask.mask("13112348780")).isEqualTo("***");
        assertThat(AddressMask.mask("@example.com")).isEqualTo("***");
        assertThat(AddressMask.mask("zhangsan@")).isEqualTo("***");
        assertThat(AddressMask.mask(null)).isEqualTo("***");
    }
}
