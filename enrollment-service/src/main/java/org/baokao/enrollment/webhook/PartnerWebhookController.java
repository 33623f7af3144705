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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** The partner API's webhooks (API-2, docs/PARTNER-API.md), scope {@code partner-webhooks}. */
@RestController
@Tag(name = "Webhook", description = "订阅报名与缴费事件（scope partner-webhooks）；投递带 Baokao-Signature 签名，失败按退避重试")
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

    @Operation(summary = "登记接收地址", description = "登记一个 https 地址及要接收的事件类型。签名密钥（secret）只在此应答中出现一次，请妥善保存。")
    @ApiResponse(responseCode = "201", description = "已登记", useReturnTypeSchema = true)
    @PostMapping
    ResponseEntity<SubscriptionWithSecret> register(@Granted(PartnerScope.WEBHOOKS) PartnerClient partner,
            @RequestBody(required = false) Subscriptions.Registration registration) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(withSecret(subscriptions.register(partner, registration)));
    }

    @Operation(summary = "列出接收地址", description = "不含密钥；轮换后旧密钥仍有效期间给出其截止时间。")
    @GetMapping
    List<SubscriptionView> list(@Granted(PartnerScope.WEBHOOKS) PartnerClient partner) {
        return subscriptions.list(partner).stream().map(this::view).toList();
    }

    @Operation(summary = "删除接收地址", description = "不再向该地址投递；它的投递记录一并删除。")
    @ApiResponse(responseCode = "204", description = "已删除")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@Granted(PartnerScope.WEBHOOKS) PartnerClient partner, @PathVariable UUID id) {
        subscriptions.delete(partner, id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "轮换签名密钥", description = "生成新密钥并只在此应答中返回一次；旧密钥在 24 小时内仍然签名（两者并存），以便从容切换。")
    @PostMapping("/{id}/secret")
    SubscriptionWithSecret rotate(@Granted(PartnerScope.WEBHOOKS) PartnerClient partner, @PathVariable UUID id) {
        return withSecret(subscriptions.rotate(partner, id));
    }

    /** {@code status}: pending, delivered or dead (none: all); {@code cursor}: the previous page's nextCursor. */
    @Operation(summary = "查询投递记录", description = "按状态（pending、delivered、dead）筛选，按游标分页。")
    @GetMapping("/deliveries")
    PartnerDeliveries.Page deliveries(@Granted(PartnerScope.WEBHOOKS) PartnerClient partner,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return deliveries.list(partner, status, cursor, limit);
    }

    @Operation(summary = "重新投递", description = "把一次已送达或已放弃（dead）的投递重新排入投递队列。")
    @ApiResponse(responseCode = "202", description = "已排入投递队列", useReturnTypeSchema = true)
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
