package org.baokao.account.candidates;

import java.util.Arrays;
import java.util.Optional;

/** What an operator searches candidates by (考生查询, OPS-3): each an exact match, none in clear in the database. */
public enum SearchBy {
    /** 证件号码, normalised for its type, through the keyed hash. */
    ID_NUMBER,
    /** 手机号, through the keyed hash. */
    PHONE,
    /** 准考证号, stored in plain text (not personal data, ACC-10). */
    ADMISSION_NUMBER,
    /** 姓名 as stored (trimmed), through the keyed hash; accounts made before the hash get it at start-up. */
    NAME;

    public static Optional<SearchBy> of(String typed) {
        return Arrays.stream(values()).filter(by -> by.name().equalsIgnoreCase(typed == null ? "" : typed.strip()))
                .findFirst();
    }
}
