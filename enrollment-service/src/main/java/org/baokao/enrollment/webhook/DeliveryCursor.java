package org.baokao.enrollment.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;

/**
 * The opaque {@code cursor} of a partner's delivery list (newest first): where the previous page ended. Stable
 * while new deliveries arrive, because it marks a position in creation order, not an offset.
 */
@DomainModel
public final class DeliveryCursor {

    private static final String PREFIX = "d:";

    private DeliveryCursor() {
    }

    public static String after(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor marks; null for none (the first page); 400 {@code INVALID_CURSOR} for anything else. */
    public static Long position(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                long seq = Long.parseLong(text.substring(PREFIX.length()));
                if (seq > 0) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // falls through to the refusal (NumberFormatException is one too)
        }
        throw Refusal.invalid("INVALID_CURSOR", "分页游标无效，请使用上一页返回的 nextCursor");
    }
}
