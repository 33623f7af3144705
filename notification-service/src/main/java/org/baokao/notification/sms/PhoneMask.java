package org.baokao.notification.sms;

import org.baokao.domain.DomainModel;

/** The only form of a phone number this service logs or stores: {@code 131****8780}. */
@DomainModel
final class PhoneMask {

    private PhoneMask() {
    }

    static String mask(String phone) {
        if (phone == null || phone.length() < 11) {
            return "****"; // too short to keep 7 digits visible without giving most of it away
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
