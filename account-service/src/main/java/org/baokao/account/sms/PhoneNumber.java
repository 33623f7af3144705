package org.baokao.account.sms;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;

/** A mainland China mobile number: 11 ASCII digits starting 13–19. */
@DomainModel
public record PhoneNumber(String value) {

    public PhoneNumber {
        if (value == null || !value.strip().matches("1[3-9][0-9]{9}")) {
            throw Refusal.invalid("PHONE_INVALID", "请输入正确的11位手机号码");
        }
        value = value.strip();
    }

    @Override
    public String toString() {
        return value.substring(0, 3) + "****" + value.substring(7);
    }
}
