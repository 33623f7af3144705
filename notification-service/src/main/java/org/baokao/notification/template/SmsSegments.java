package org.baokao.notification.template;

import org.baokao.domain.DomainModel;

/**
 * How many SMS a text is sent as, for the preview (operators word the codes that go out in hundreds of thousands):
 * up to 70 Chinese characters are one SMS; a longer text is split into parts of 67, each part carrying the header
 * that joins them again (the GSM concatenation rule for UCS-2 texts).
 */
@DomainModel
final class SmsSegments {

    static final int SINGLE = 70;
    static final int PART = 67;

    private SmsSegments() {
    }

    static int of(int length) {
        return length <= SINGLE ? 1 : (length + PART - 1) / PART;
    }
}
