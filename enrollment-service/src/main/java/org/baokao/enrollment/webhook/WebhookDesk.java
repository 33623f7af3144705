package org.baokao.enrollment.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.baokao.domain.operator.AuditReason;
import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.baokao.enrollment.partner.Partner;
import org.baokao.enrollment.partner.PartnerDirectory;
import org.baokao.enrollment.webhook.DeliveryStore.AttemptRow;
import org.baokao.enrollment.webhook.DeliveryStore.DeliveryRow;
import org.baokao.messaging.audit.OperatorAudit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The console's Webhook 投递 desk (API-2, OPS-3): the bureau's administrators list the deliveries to their bureau's
 * partners and redeliver one (a partner's endpoint was down past the last try and is back); auditors list them.
 * Another bureau's delivery is absent (404). Each redelivery is audited ({@value #ACTION}) in its transaction, with
 * the reason typed if any. The body is not shown: operators need where, what and why it failed.
 */
@Service
class WebhookDesk {

    static final String ACTION = "webhook-delivery.redeliver";
    static final int MAX_SIZE = 100;

    private final DeliveryStore deliveries;
    private final Redeliveries redeliveries;
    private final PartnerDirectory partners;
    private final OperatorAudit audit;

    WebhookDesk(DeliveryStore deliveries, Redeliveries redeliveries, PartnerDirectory partners, OperatorAudit audit) {
        this.deliveries = deliveries;
        this.redeliveries = redeliveries;
        this.partners = partners;
        this.audit = audit;
    }

    record Listing(List<DeliveryView> items, long total, int page, int size) {
    }

    /** A partner of the bureau, for the desk's filter. */
    record PartnerOption(String clientId, String name) {
    }

    Listing list(Operator operator, String status, String partner, int page, int size) {
        operator.require(OperatorRole.BUREAU_ADMIN, OperatorRole.AUDITOR);
        DeliveryStatus filter = DeliveryStatus.filter(status);
        String client = partner == null || partner.isBlank() ? null : partner.strip();
        List<DeliveryRow> rows = deliveries.ofBureau(operator.bureau(), filter, client, (long) page * size, size);
        Map<UUID, List<AttemptRow>> attempts = deliveries.attempts(Redeliveries.ids(rows),
                PartnerDeliveries.ATTEMPTS_SHOWN);
        return new Listing(rows.stream().map(row -> view(row, attempts.getOrDefault(row.id(), List.of()))).toList(),
                deliveries.countOfBureau(operator.bureau(), filter, client), page, size);
    }

    List<PartnerOption> partners(Operator operator) {
        operator.require(OperatorRole.BUREAU_ADMIN, OperatorRole.AUDITOR);
        return partners.of(operator.bureau()).stream().map(p -> new PartnerOption(p.clientId(), p.name())).toList();
    }

    @Transactional
    DeliveryView redeliver(Operator operator, UUID id, String typedReason) {
        operator.require(OperatorRole.BUREAU_ADMIN);
        String reason = AuditReason.optional(typedReason);
        DeliveryRow locked = deliveries.lockOfBureau(operator.bureau(), id).orElseThrow(Redeliveries::notFound);
        DeliveryRow queued = redeliveries.requeue(locked);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("partner", queued.clientId());
        details.put("eventType", queued.eventType());
        details.put("eventId", queued.eventId().toString());
        details.put("previousStatus", locked.status().name());
        details.put("attempts", String.valueOf(locked.attempts()));
        audit.record(operator, ACTION, "webhook-delivery", id.toString(),
                queued.eventType() + " → " + partnerName(queued.clientId()), reason, details);
        return view(queued, deliveries.attempts(List.of(id), PartnerDeliveries.ATTEMPTS_SHOWN)
                .getOrDefault(id, List.of()));
    }

    private DeliveryView view(DeliveryRow row, List<AttemptRow> attempts) {
        return DeliveryView.of(row, partnerName(row.clientId()), false, attempts);
    }

    private String partnerName(String clientId) {
        return partners.find(clientId).map(Partner::name).orElse(clientId);
    }
}
