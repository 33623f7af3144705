package org.baokao.archfixture.clean.web;

import org.baokao.archfixture.clean.order.Order;
import org.baokao.archfixture.clean.order.Orders;
import org.springframework.web.bind.annotation.RestController;

/** Clean: a controller that calls the repository. */
@RestController
public class OrderController {

    public Orders orders;

    public Order order() {
        return orders.find();
    }
}
