package org.baokao.notification.mail;

import org.baokao.domain.DomainModel;

/**
 * The only form of an e-mail address this service logs or stores: {@code z***@example.com}. The domain stays, so
 * "did it reach the candidate's provider" can be answered; the mailbox name, which often is the person's name or
 * phone number, does not.
 */
@DomainModel
final class AddressMask {

    private AddressMask() {
    }

    static String mask(String address) {
        if (address == null) {
            return "***";
        }
        int at = address.lastIndexOf('@');
        if (at < 1 || at == address.length() - 1) {
            return "***"; // not an address: nothing of it is safe to show
        }
        return address.charAt(0) + "***" + address.substring(at);
    }
}
