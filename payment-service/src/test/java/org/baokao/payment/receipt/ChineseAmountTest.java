package org.baokao.payment.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PAY-7: the receipt's 大写 amount. */
class ChineseAmountTest {

    @ParameterizedTest
    @CsvSource({
            "23000, 贰佰叁拾元整",
            "8000, 捌拾元整",
            "8050, 捌拾元伍角",
            "8005, 捌拾元零伍分",
            "100000, 壹仟元整",
            "1000100, 壹万零壹元整",
            "1234567, 壹万贰仟叁佰肆拾伍元陆角柒分",
            "0, 零元整",
            "5, 伍分",
            "10000000000, 壹亿元整"})
    void amountsInChineseCapitals(long fen, String expected) {
        assertThat(ChineseAmount.of(fen)).isEqualTo(expected);
    }
}
