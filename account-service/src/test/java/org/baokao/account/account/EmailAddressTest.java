package org.baokao.account.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.baokao.domain.Refusal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** SST-1, ACC-10: the e-mail a new candidate leaves, as the account keeps it: normalised, checked, masked. */
class EmailAddressTest {

    @Test
    void blanksAroundAreRemovedAndTheDomainIsLowerCasedButNotTheMailbox() {
        assertThat(new EmailAddress("  Zhang.San@Example.COM\t").value()).isEqualTo("Zhang.San@example.com");
        assertThat(new EmailAddress("\u3000li_na+exam@SJTU.edu.cn ").value()).isEqualTo("li_na+exam@sjtu.edu.cn");
        assertThat(new EmailAddress("13812345678@163.com").value()).isEqualTo("13812345678@163.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zhangsan", "zhangsan@", "@example.com", "zhang@san@example.com", "zhang san@example.com",
            "zhangsan@example", "zhangsan@example.c", "zhangsan@example.123", ".zhang@example.com",
            "zhang.@example.com", "zhang..san@example.com", "zhangsan@-example.com", "zhangsan@example-.com",
            "zhangsan@exa_mple.com", "zhangsan@example..com", "张三@example.com", "zhangsan＠example.com",
            "zhangsan@例子.中国"})
    void whatIsNoAddressIsRefusedWithItsOwnCode(String typed) {
        assertThatThrownBy(() -> new EmailAddress(typed)).isInstanceOf(Refusal.class)
                .extracting("code").isEqualTo("EMAIL_INVALID");
    }

    @Test
    void aMailboxOfMoreThan64OrAnAddressOfMoreThan254CharactersIsRefused() {
        assertThat(new EmailAddress("a".repeat(64) + "@example.com").value()).hasSize(76);
        assertThatThrownBy(() -> new EmailAddress("a".repeat(65) + "@example.com")).isInstanceOf(Refusal.class);
        String longDomain = ("b".repeat(60) + ".").repeat(4) + "com"; // 247 characters
        assertThat(new EmailAddress("abcdef@" + longDomain).value()).hasSize(254);
        assertThatThrownBy(() -> new EmailAddress("abcdefg@" + longDomain)).isInstanceOf(Refusal.class);
    }

    @Test
    void requiredOrOptional() {
        assertThatThrownBy(() -> EmailAddress.ofRequired("  ")).isInstanceOf(Refusal.class)
                .extracting("code").isEqualTo("EMAIL_REQUIRED");
        assertThatThrownBy(() -> EmailAddress.ofRequired(null)).isInstanceOf(Refusal.class)
                .hasMessageContaining("找回密码的唯一途径");
        assertThat(EmailAddress.ofOptional(" ")).isNull();
        assertThat(EmailAddress.ofOptional(null)).isNull();
        assertThat(EmailAddress.ofOptional("li@QQ.com").value()).isEqualTo("li@qq.com");
    }

    @Test
    void itPrintsMasked() {
        assertThat(new EmailAddress("zhangsan@example.com")).hasToString("z***@example.com");
    }
}
