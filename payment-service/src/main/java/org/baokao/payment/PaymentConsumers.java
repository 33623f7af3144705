package org.baokao.payment;

/**
 * The names of this service's event consumers. A service reads a topic through one consumer (libs/messaging), so
 * everything payment-service takes from {@code enrollment.events} (confirmations, course orders placed and lapsed,
 * bureau configurations) is handled under one name, kept from before bureaus so its inbox entries stay valid.
 */
public final class PaymentConsumers {

    /**
     * {@code enrollment.events}: EnrollmentConfirmed, CourseOrderPlaced and CourseOrderLapsed (orders) and
     * BureauConfigured (bureaus).
     */
    public static final String ENROLLMENT_EVENTS = "payment-service.orders";

    private PaymentConsumers() {
    }
}
