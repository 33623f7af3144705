package org.baokao.web.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ACC-10: the log safety net masks ID numbers and mobile numbers, and nothing else. */
class LogMaskingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            370102199003071234                          | 37**************34
            11010519491231002X                          | 11**************2X
            11010519491231002x                          | 11**************2x
            id=370102199003071234                       | id=37**************34
            身份证370102199003071234已注册              | 身份证37**************34已注册
            {"idNumber":"370102199003071234"}           | {"idNumber":"37**************34"}
            roster [370102199003071234, 11010519491231002X] | roster [37**************34, 11**************2X]
            """)
    void residentIdShapedTokens(String text, String masked) {
        assertThat(LogMasking.mask(text)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            13112348780                                 | 131****8780
            sms to 19912345678 queued                   | sms to 199****5678 queued
            手机号13112348780已被注册                    | 手机号131****8780已被注册
            {"phone":"13112348780"}                     | {"phone":"131****8780"}
            +8613112348780                              | +86131****8780
            008613112348780                             | 0086131****8780
            8613112348780                               | 86131****8780
            +86 13112348780                             | +86 131****8780
            phone=13112348780&x=1                       | phone=131****8780&x=1
            13112348780,15012345678                     | 131****8780,150****5678
            """)
    void mainlandMobileNumbers(String text, String masked) {
        assertThat(LogMasking.mask(text)).isEqualTo(masked);
    }

    @Test
    void anIdNumberAndAPhoneInOneLine() {
        assertThat(LogMasking.mask("candidate 370102199003071234 changed phone to 13112348780"))
                .isEqualTo("candidate 37**************34 changed phone to 131****8780");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "验证码 123456 已发送", // a 6-digit SMS code: never logged, and not this net's business
            "code=123456",
            "order 20260315123456789012 paid", // 20-digit order number
            "order 202603151234567890123456 paid", // 24 digits
            "order 2026031512345678901 paid", // 19 digits: one more than an ID number
            "serial 131123487801", // 12 digits: a mobile number inside a longer run
            "serial 313112348780", // a mobile number preceded by a digit
            "12345678901", // 11 digits, but no mobile prefix (12)
            "10012345678",
            "37010219900307123", // 17 digits
            "epoch 1773561600000 ms", // 13-digit epoch millis
            "uuid 550e8400-e29b-41d4-a716-a13112348780", // hex segment: a letter touches the digits
            "hash 13112348780abcdef0123456789abcdef", // hex run starting with mobile-like digits
            "hash ff370102199003071234ee",
            "370102199003071234X", // 17 digits + digit + X is no ID number
            "phone13112348780" // letters touching: treated as part of an identifier
    })
    void leavesEverythingElseAlone(String text) {
        assertThat(LogMasking.mask(text)).isEqualTo(text);
    }

    @Test
    void aLineWithoutLongDigitRunsIsReturnedAsIs() {
        String line = "Started AccountApplication in 3.2 seconds (process running for 3.9)";
        assertThat(LogMasking.mask(line)).isSameAs(line);
        assertThat(LogMasking.mask(null)).isNull();
        assertThat(LogMasking.mask("")).isEmpty();
    }
}
