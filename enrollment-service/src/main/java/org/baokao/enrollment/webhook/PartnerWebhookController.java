package org.baokao.enrollment.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.baokao.enrollment.partner.Granted;
import org.baokao.enrollment.partner.PartnerClient;
import org.baokao.enrollment.partner.PartnerScope;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The partner API's webhooks (API-2, docs/PARTNER-API.md), scope {@code partner-webhooks}. */
@RestController
@RequestMapping("/open-api/v1/webhooks")
@PreAuthorize("hasRole('partner')")
class PartnerWebhookController {

    private final Subscriptions subscriptions;
    private final PartnerDeliveries deliveries;
    private final Clock clock;

    PartnerWebhookController(Subscriptions subscriptions, PartnerDeliveries deliveries, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /**
     * An endpoint as listed. {@code previousSecretExpiresAt}: after a rotation, until when the replaced secret still
     * signs (null when only one does).
     */
    record SubscriptionView(UUID id, String url, List<String> events, Instant createdAt, Instant rotatedAt,
            Instant previousSecretExpiresAt) {
    }

    /** The answer that shows a secret, once: at registration and at each rotation. */
    record SubscriptionWithSecret(UUID id, String url, List<String> events, String secret, Instant createdAt,
            Instant rotatedAt, Instant previousSecretExpiresAt) {
    }

    @PostMapping
    ResponseEntity<SubscriptionWithSecret> register(@Granted(PartnerScope.WEBHOOKS) PartnerClient partner,
            @RequestBody(required = false) Subscriptions.Registration registration) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(withSecret(subscriptions.register(partner, registration)));
    }

    @GetMapping
    List<SubscriptionView> list(@Granted(PartnerScope.WEBHOOKS) PartnerClient partner) {
        return subscriptions.list(partner).stream().map(this::view).toList();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@Granted(PartnerScope.WEBHOOKS) PartnerClient partner, @PathVariable UUID id) {
        subscriptions.delete(partner, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/secret")
    SubscriptionWithSecret rotate(@Granted(PartnerScope.WEBHOOKS) PartnerClient partner, @PathVariable UUID id) {
        return withSecret(subscriptions.rotate(partner, id));
    }

    /** {@code status}: pending, delivered or dead (none: all); {@code cursor}: the previous page's nextCursor. */
    @GetMapping("/deliveries")
    PartnerDeliveries.Page deliveries(@Granted(PartnerScope.WEBHOOKS) PartnerClient partner,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return deliveries.list(partner, status, cursor, limit);
    }

    @PostMapping("/deliveries/{id}/redeliver")
    ResponseEntity<DeliveryView> redeliver(@Granted(PartnerScope.WEBHOOKS) PartnerClient partner,
            @PathVariable UUID id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(deliveries.redeliver(partner, id));
    }

    private SubscriptionView view(Subscription subscription) {
        return new SubscriptionView(subscription.id(), subscription.url(), names(subscription),
                subscription.createdAt(), subscription.rotatedAt(), overlapEnd(subscription));
    }

    private SubscriptionWithSecret withSecret(Subscriptions.WithSecret made) {
        Subscription subscription = made.subscription();
        return new SubscriptionWithSecret(subscription.id(), subscription.url(), names(subscription), made.secret(),
                subscription.createdAt(), subscription.rotatedAt(), overlapEnd(subscription));
    }

    /** The end of the rotation's overlap while it lasts; null once the replaced secret no longer signs. */
    private Instant overlapEnd(Subscription subscription) {
        Instant until = subscription.previousUntil();
        return until != null && clock.instant().isBefore(until) ? until : null;
    }

    private static List<String> names(Subscription subscription) {
        return EnumSet.copyOf(subscription.events()).stream().map(WebhookEventType::wireName).toList();
    }
}
