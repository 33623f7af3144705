package org.baokao.notification.bureau;

/**
 * Inside this service: a bureau's SMS settings changed and are committed (a newer {@code BureauConfigured} was kept).
 * Whatever waited for them (requests held because the bureau was unknown) may go now.
 */
public record BureauSmsConfigured(String bureau) {
}
