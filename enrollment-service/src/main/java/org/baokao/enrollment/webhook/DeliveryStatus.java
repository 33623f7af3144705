package org.baokao.enrollment.webhook;

import java.util.Locale;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;

/**
 * A delivery's state (API-2): PENDING until the endpoint answers 2xx (DELIVERED) or the last try fails (DEAD). A
 * redelivery makes a DELIVERED or DEAD one PENDING again.
 */
@DomainModel
public enum DeliveryStatus {
    PENDING, DELIVERED, DEAD;

    /** A list's filter: one of the three in any case, or none (null) for all. */
    public static DeliveryStatus filter(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return valueOf(typed.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw Refusal.invalid("DELIVERY_STATUS_INVALID",
                    "投递状态只能是 pending（待投递）、delivered（已送达）或 dead（已停止重试）");
        }
    }
}
