package org.baokao.payment.bureau;

import org.baokao.domain.DomainModel;

/** A bureau (考试院) as payment-service needs it beside its channel rules: the name its receipts and bank pages show. */
@DomainModel
public record Bureau(String code, String name) {
}
