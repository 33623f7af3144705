package org.baokao.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ACC-10: a phone number is masked as 131****8780 wherever this service logs or stores it. */
class PhoneMaskTest {

    @Test
    void aMobileNumberKeepsItsFirstThreeAndLastFourDigits() {
        assertThat(PhoneMask.mask("13112348780")).isEqualTo("131****8780");
    }

    @Test
    void somethingTooShortOrMissingIsMaskedCompletely() {
        assertThat(PhoneMask.mask("1234567")).isEqualTo("****");
        assertThat(PhoneMask.mask(null)).isEqualTo("****");
    }
}
