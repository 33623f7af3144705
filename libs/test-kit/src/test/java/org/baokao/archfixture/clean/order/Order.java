package org.baokao.archfixture.clean.order;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;

/** Clean: a plain rule that refuses with a domain refusal. */
@DomainModel
public class Order {

    public void pay() {
        throw Refusal.conflict("ORDER_CLOSED", "订单已关闭");
    }
}
