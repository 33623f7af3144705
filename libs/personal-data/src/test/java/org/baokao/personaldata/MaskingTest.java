package org.baokao.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ACC-10: masked forms of ID numbers, phones and names (docs/ARCHITECTURE.md: 37**************12, 131****8780). */
class MaskingTest {

    @Test
    void idNumberKeepsTheFirstTwoAndTheLastTwo() {
        assertThat(Masking.idNumber("370102199003071234")).isEqualTo("37**************34");
        assertThat(Masking.idNumber("11010519491231002X")).isEqualTo("11**************2X");
        assertThat(Masking.idNumber("E12345678")).isEqualTo("E1*****78");
        assertThat(Masking.idNumber("USA110085061501")).isEqualTo("US***********01");
        assertThat(Masking.idNumber("G1234")).isEqualTo("G1*34");
    }

    @Test
    void aShortIdNumberIsMaskedWhole() {
        assertThat(Masking.idNumber("1234")).isEqualTo("****");
        assertThat(Masking.idNumber("12")).isEqualTo("**");
        assertThat(Masking.idNumber("")).isEmpty();
    }

    @Test
    void phoneKeepsTheFirstThreeAndTheLastFour() {
        assertThat(Masking.phone("13112348780")).isEqualTo("131****8780");
        assertThat(Masking.phone("19912345678")).isEqualTo("199****5678");
        assertThat(Masking.phone("85291234567")).isEqualTo("852****4567");
        assertThat(Masking.phone("12345678")).isEqualTo("123*5678");
    }

    @Test
    void aShortPhoneKeepsOnlyTheLastTwo() {
        assertThat(Masking.phone("5551234")).isEqualTo("*****34");
        assertThat(Masking.phone("123")).isEqualTo("*23");
        assertThat(Masking.phone("12")).isEqualTo("**");
    }

    @Test
    void nameKeepsTheFirstCharacter() {
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
        assertThat(Masking.name("阿卜杜·热合曼")).isEqualTo("阿******");
        assertThat(Masking.name("John Smith")).isEqualTo("J*********");
    }

    @Test
    void aOneCharacterNameIsMaskedWhole() {
        assertThat(Masking.name("李")).isEqualTo("*");
        assertThat(Masking.name("𠮷")).isEqualTo("*");
        assertThat(Masking.name("")).isEmpty();
    }

    @Test
    void charactersOutsideTheBmpCountAsOneAndAreNeverSplit() {
        assertThat("𠮷").hasSize(2); // a surrogate pair in Java

        assertThat(Masking.name("𠮷田")).isEqualTo("𠮷*");
        assertThat(Masking.name("王𠮷")).isEqualTo("王*");
        assertThat(Masking.name("𠮷𠮷𠮷")).isEqualTo("𠮷**");
        assertThat(Masking.idNumber("𠮷12345678𠮷")).isEqualTo("𠮷1******8𠮷");
        assertThat(Masking.phone("𠮷3112348780")).isEqualTo("𠮷31****8780");
    }

    @Test
    void anEmailAddressKeepsItsFirstCharacterAndItsDomain() {
        assertThat(Masking.email("zhangsan.1990@example.com")).isEqualTo("z***@example.com");
        assertThat(Masking.email("a@qq.com")).isEqualTo("a***@qq.com");
        assertThat(Masking.email("𠮷田@example.cn")).isEqualTo("𠮷***@example.cn");
        assertThat(Masking.email("13112348780")).isEqualTo("***");
        assertThat(Masking.email("@example.com")).isEqualTo("***");
        assertThat(Masking.email("zhangsan@")).isEqualTo("***");
    }

    @Test
    void nullStaysNull() {
        assertThat(Masking.email(null)).isNull();
        assertThat(Masking.idNumber(null)).isNull();
        assertThat(Masking.phone(null)).isNull();
        assertThat(Masking.name(null)).isNull();
    }
}
