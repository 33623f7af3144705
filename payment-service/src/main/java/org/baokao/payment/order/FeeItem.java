package org.baokao.payment.order;

/** One line of a fee order (报名费, 科目费), in fen. */
public record FeeItem(String code, String name, long amountFen) {
}
