package org.baokao.enrollment.exam;

import org.baokao.domain.DomainModel;

/**
 * One line of an exam's fee schedule (ENR-1, PAY-1): a stable code, the Chinese name the order and receipt
 * show, and the amount in fen. For UNIFIED_UPGRADE the 报名 fee has code {@link #REGISTRATION} and every
 * subject's fee has the subject's code, so a candidate's order is 报名 plus one line per subject taken.
 */
@DomainModel
public record FeeItem(String code, String name, long amountFen) {

    public static final String REGISTRATION = "REGISTRATION";
}
