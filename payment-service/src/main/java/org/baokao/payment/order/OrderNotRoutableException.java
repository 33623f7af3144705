package org.baokao.payment.order;

/**
 * A confirmation whose order cannot be routed to a channel by its bureau's rules (PAY-2, BUR-1): the bureau's
 * configuration has not arrived, or its rules cover neither the exam location's city nor its province. No order is
 * made, rather than one routed by another bureau's rules or by a guess: the event is retried, then parked as a dead
 * letter, which {@link HeldConfirmations} replays as soon as the bureau's configuration arrives or changes
 * (operators may replay it too).
 */
public final class OrderNotRoutableException extends RuntimeException {

    /** What the dead letter's error starts with, so held confirmations can be told from other failures. */
    static final String DEAD_LETTER_ERROR = OrderNotRoutableException.class.getSimpleName() + ": ";

    private OrderNotRoutableException(String message) {
        super(message);
    }

    static OrderNotRoutableException bureauNotConfigured(String bureau) {
        return new OrderNotRoutableException("bureau " + bureau + " is not configured here yet (no BureauConfigured):"
                + " no channel rules to route its order by");
    }

    static OrderNotRoutableException noRule(String bureau, String location) {
        return new OrderNotRoutableException("bureau " + bureau + " has no payment channel rule for exam location "
                + location + " nor its province: add one to the bureau's configuration");
    }
}
