package org.baokao.payment.order;

import org.baokao.domain.DomainModel;

/** One line of a fee order (报名费, 科目费), in fen. */
@DomainModel
public record FeeItem(String code, String name, long amountFen) {
}
