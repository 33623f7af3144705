package org.baokao.notification.sms;

import org.baokao.domain.DomainModel;

/**
 * An SMS delivery (NOT-1): a FAILED attempt may be recorded again and again until one is SENT; a SENT row stays SENT
 * ({@link DeliveryLog} never overwrites it), so a message is never sent twice.
 */
@DomainModel
enum DeliveryStatus {
    FAILED,
    SENT
}
