package org.baokao.payment.order;

import java.util.Set;

import org.baokao.domain.DomainModel;

/**
 * The fee order's states (PAY-1) and the only moves between them:
 * CREATED → PENDING (sent to the bank) → PAID / EXPIRED (30 minutes, closed at the bank first) / CLOSED;
 * PENDING → CREATED (the candidate's 刷新订单状态 found no payment at the bank: payable again, issue 22);
 * CREATED → CLOSED; CREATED → EXPIRED (one sent to the bank once, at its 30 minutes, closed there first);
 * PAID → REFUNDED.
 */
@DomainModel
public enum OrderStatus {
    CREATED("待缴费"),
    PENDING("支付中"),
    PAID("已缴费"),
    EXPIRED("已过期"),
    CLOSED("已关闭"),
    REFUNDED("已退款");

    private final String chineseName;

    OrderStatus(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    public boolean isOpen() {
        return this == CREATED || this == PENDING;
    }

    public boolean canMoveTo(OrderStatus next) {
        return switch (this) {
            case CREATED -> Set.of(PENDING, CLOSED, EXPIRED).contains(next);
            case PENDING -> Set.of(PAID, EXPIRED, CLOSED, CREATED).contains(next);
            case PAID -> next == REFUNDED;
            case EXPIRED, CLOSED, REFUNDED -> false;
        };
    }

    OrderStatus moveTo(OrderStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("a fee order cannot go from " + this + " to " + next);
        }
        return next;
    }
}
