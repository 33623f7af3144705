package org.baokao.payment.bureau;

/**
 * Inside this service: a bureau's configuration (name and channel rules) was kept and is committed. Confirmations
 * that could not be routed for it may be tried again.
 */
public record BureauRulesChanged(String bureau) {
}
