package org.baokao.notification.mail;

import org.baokao.domain.DomainModel;

/**
 * A mail delivery (NOT-1): a FAILED attempt may be recorded again and again until one is SENT; a SENT row stays SENT
 * ({@link MailDeliveryLog} never overwrites it), and a request whose row is SENT is not sent again.
 */
@DomainModel
enum MailDeliveryStatus {
    FAILED,
    SENT
}
