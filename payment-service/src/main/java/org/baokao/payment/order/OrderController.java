package org.baokao.payment.order;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.baokao.web.qr.QrCodePng;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The candidate's fee orders (PAY-1..PAY-5): list and read, 去缴费 with an {@code Idempotency-Key}, the pending
 * order's QR code as PNG (公共支付), 刷新订单状态, 重新下单 after expiry. Another candidate's order is 404.
 */
@RestController
class OrderController {

    /** The 公共支付 QR code's side in pixels, large enough to scan from a screen. */
    private static final int QR_SIZE = 300;

    private final Orders orders;
    private final Clock clock;

    OrderController(Orders orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    @GetMapping("/api/payments/orders")
    List<OrderView> mine(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) UUID enrollmentId) {
        return orders.mine(candidate(token), enrollmentId).stream().map(o -> OrderView.of(o, clock.instant())).toList();
    }

    @GetMapping("/api/payments/orders/{id}")
    OrderView get(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return OrderView.of(orders.own(candidate(token), id), clock.instant());
    }

    /** The QR code to scan with a phone (PC page of 公共支付); a payment address, so never cached. */
    @GetMapping("/api/payments/orders/{id}/qr.png")
    ResponseEntity<byte[]> qrCode(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(QrCodePng.of(orders.qrCodeOf(candidate(token), id), QR_SIZE));
    }

    @PostMapping("/api/payments/orders/{id}/pay")
    OrderView pay(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return OrderView.of(orders.pay(candidate(token), id, idempotencyKey), clock.instant());
    }

    @PostMapping("/api/payments/orders/{id}/refresh")
    OrderView refresh(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return OrderView.of(orders.refresh(candidate(token), id), clock.instant());
    }

    @PostMapping("/api/payments/enrollments/{enrollmentId}/orders")
    OrderView reorder(@AuthenticationPrincipal Jwt token, @PathVariable UUID enrollmentId) {
        return OrderView.of(orders.reorder(candidate(token), enrollmentId), clock.instant());
    }

    static UUID candidate(Jwt token) {
        try {
            return UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException e) {
            throw Orders.notFound();
        }
    }
}
