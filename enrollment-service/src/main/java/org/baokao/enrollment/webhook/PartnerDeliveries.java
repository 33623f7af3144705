package org.baokao.enrollment.webhook;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.partner.PartnerClient;
import org.baokao.enrollment.partner.PartnerScope;
import org.baokao.enrollment.webhook.DeliveryStore.AttemptRow;
import org.baokao.enrollment.webhook.DeliveryStore.DeliveryRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner's own deliveries (API-2): listed newest first with their attempts, paged with a cursor, and redelivered
 * on request. Another partner's delivery is absent (404 {@code DELIVERY_NOT_FOUND}), whatever its id.
 */
@Service
class PartnerDeliveries {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    /** The newest attempts shown per delivery: the whole schedule, and then some redeliveries'. */
    static final int ATTEMPTS_SHOWN = 20;

    private final DeliveryStore deliveries;
    private final Redeliveries redeliveries;

    PartnerDeliveries(DeliveryStore deliveries, Redeliveries redeliveries) {
        this.deliveries = deliveries;
        this.redeliveries = redeliveries;
    }

    record Page(List<DeliveryView> items, String nextCursor) {
    }

    Page list(PartnerClient partner, String status, String cursor, Integer limit) {
        partner.require(PartnerScope.WEBHOOKS);
        DeliveryStatus filter = DeliveryStatus.filter(status);
        Long before = DeliveryCursor.position(cursor);
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size > MAX_LIMIT) {
            throw Refusal.invalid("PAGE_SIZE_TOO_LARGE", "每页最多" + MAX_LIMIT + "条");
        }
        if (size < 1) {
            throw Refusal.invalid("PAGE_SIZE_INVALID", "每页条数至少为1");
        }
        // one more than asked: whether a next page exists without counting
        List<DeliveryRow> rows = deliveries.ofPartner(partner.clientId(), filter, before, size + 1);
        List<DeliveryRow> page = rows.subList(0, Math.min(size, rows.size()));
        Map<UUID, List<AttemptRow>> attempts = deliveries.attempts(Redeliveries.ids(page), ATTEMPTS_SHOWN);
        String next = rows.size() > size ? DeliveryCursor.after(page.getLast().seq()) : null;
        return new Page(page.stream().map(row -> view(partner, row, attempts)).toList(), next);
    }

    @Transactional
    DeliveryView redeliver(PartnerClient partner, UUID id) {
        partner.require(PartnerScope.WEBHOOKS);
        DeliveryRow locked = deliveries.lockOfPartner(partner.clientId(), id).orElseThrow(Redeliveries::notFound);
        DeliveryRow queued = redeliveries.requeue(locked);
        return view(partner, queued, deliveries.attempts(List.of(id), ATTEMPTS_SHOWN));
    }

    private static DeliveryView view(PartnerClient partner, DeliveryRow row, Map<UUID, List<AttemptRow>> attempts) {
        return DeliveryView.of(row, partner.partner().name(), true, attempts.getOrDefault(row.id(), List.of()));
    }
}
