package org.baokao.account.sms;

import org.baokao.domain.DomainModel;

/** What a verification code is for; a code for one purpose never works for another. */
@DomainModel
public enum SmsPurpose {
    REGISTER,
    LOGIN,
    RESET_PASSWORD,
    CHANGE_PHONE,
    /** ACC-9: proving the phone an imported account is bound to, at first login. */
    VERIFY_PHONE
}
