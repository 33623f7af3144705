package org.baokao.enrollment.webhook;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;

/**
 * The events a partner may subscribe to (API-2), by the names partners see, each from one platform event. The
 * subscription names them; the delivery's body says {@code type}.
 */
@DomainModel
public enum WebhookEventType {
    /** EnrollmentConfirmed: the candidate confirmed their registration; the fees are due. */
    ENROLLMENT_CONFIRMED("enrollment.confirmed"),
    /** EnrollmentCompleted: paid (or nothing owed), the registration is complete. */
    ENROLLMENT_COMPLETED("enrollment.completed"),
    /** PaymentSucceeded: the bank confirmed a payment. */
    PAYMENT_SUCCEEDED("payment.succeeded"),
    /** PaymentRefunded: money went back to the candidate. */
    PAYMENT_REFUNDED("payment.refunded");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static WebhookEventType ofWireName(String name) {
        String typed = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.wireName.equals(typed)).findFirst()
                .orElseThrow(() -> Refusal.invalid("WEBHOOK_EVENT_UNKNOWN",
                        "不支持的事件类型：" + name + "（可选：" + String.join("、", wireNames()) + "）"));
    }

    /** The types a subscription asks for: at least one, each known, each once (in this enum's order). */
    public static Set<WebhookEventType> subscribed(Collection<String> names) {
        if (names == null || names.isEmpty()) {
            throw Refusal.invalid("WEBHOOK_EVENTS_REQUIRED", "请至少选择一种事件类型");
        }
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        for (String name : names) {
            types.add(ofWireName(name));
        }
        return types;
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(WebhookEventType::wireName).toList();
    }
}
