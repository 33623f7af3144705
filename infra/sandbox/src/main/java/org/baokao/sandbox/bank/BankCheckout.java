package org.baokao.sandbox.bank;

import org.baokao.sandbox.bank.BankLedger.BankOrder;
import org.springframework.stereotype.Component;

/**
 * The candidate pays a waiting order, however they reached it (the cashier page's 确认支付, the public payment
 * platform's phone page after a scan, the test hook): one mechanism, so every way of paying books the same payment
 * and sends the same signed notifications.
 */
@Component
class BankCheckout {

    private final BankLedger ledger;
    private final BankNotifier notifier;

    BankCheckout(BankLedger ledger, BankNotifier notifier) {
        this.ledger = ledger;
        this.notifier = notifier;
    }

    /** Pays the order if it is waiting and notifies the merchant; true when this call paid it. */
    boolean pay(BankOrder order) {
        if (ledger.pay(order)) {
            notifier.paid(order);
            return true;
        }
        return false;
    }
}
