package org.baokao.archfixture.clean.order;

import java.sql.Connection;

/** Clean: the feature's repository may use SQL. */
public class Orders {

    public Connection connection;

    public Order find() {
        return new Order();
    }
}
