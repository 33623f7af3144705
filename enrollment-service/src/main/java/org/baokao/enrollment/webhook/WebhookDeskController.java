package org.baokao.enrollment.webhook;

import java.util.List;
import java.util.UUID;

import org.baokao.domain.operator.Operator;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The console's Webhook 投递 desk (API-2, OPS-3), at the operator's bureau's address. */
@RestController
@RequestMapping("/api/enrollments/operations/webhooks")
@PreAuthorize("hasRole('operator')")
class WebhookDeskController {

    private final WebhookDesk desk;

    WebhookDeskController(WebhookDesk desk) {
        this.desk = desk;
    }

    /** {@code status}: pending, delivered or dead (none: all); {@code partner}: a partner's client id. */
    @GetMapping("/deliveries")
    WebhookDesk.Listing list(Operator operator, @RequestParam(required = false) String status,
            @RequestParam(required = false) String partner, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return desk.list(operator, status, partner, Math.max(page, 0), Math.clamp(size, 1, WebhookDesk.MAX_SIZE));
    }

    @GetMapping("/partners")
    List<WebhookDesk.PartnerOption> partners(Operator operator) {
        return desk.partners(operator);
    }

    /** What the administrator typed: an optional reason, kept in the audit trail. */
    record RedeliveryRequest(String reason) {
    }

    @PostMapping("/deliveries/{id}/redeliver")
    DeliveryView redeliver(Operator operator, @PathVariable UUID id,
            @RequestBody(required = false) RedeliveryRequest request) {
        return desk.redeliver(operator, id, request == null ? null : request.reason());
    }
}
