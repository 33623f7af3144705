package org.baokao.account.identity;

import org.baokao.domain.DomainModel;

/** Gender as encoded in a GB 11643 number: the 17th digit is odd for 男, even for 女. */
@DomainModel
public enum Gender {

    MALE("男"),
    FEMALE("女");

    private final String displayName;

    Gender(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
