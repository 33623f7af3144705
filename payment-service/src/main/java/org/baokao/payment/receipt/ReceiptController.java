package org.baokao.payment.receipt;

import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.payment.bureau.Bureau;
import org.baokao.payment.bureau.Bureaus;
import org.baokao.payment.order.FeeOrder;
import org.baokao.payment.order.OrderStatus;
import org.baokao.payment.order.Orders;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * PAY-7: the candidate downloads the receipt (电子票据) of their paid order, issued in the name of the order's bureau
 * (BUR-1); others' orders are 404.
 */
@RestController
class ReceiptController {

    private final Orders orders;
    private final Bureaus bureaus;
    private final ReceiptRenderer renderer;

    ReceiptController(Orders orders, Bureaus bureaus, ReceiptRenderer renderer) {
        this.orders = orders;
        this.bureaus = bureaus;
        this.renderer = renderer;
    }

    @GetMapping("/api/payments/orders/{id}/receipt")
    ResponseEntity<byte[]> receipt(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        UUID candidate;
        try {
            candidate = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("ORDER_NOT_FOUND", "未找到该缴费订单");
        }
        FeeOrder order = orders.own(candidate, id);
        if (order.status() != OrderStatus.PAID) {
            throw Refusal.conflict("RECEIPT_NOT_AVAILABLE", "订单状态为「" + order.status().chineseName()
                    + "」，缴费成功后才能下载电子票据");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("电子票据-" + order.bankOrderNo() + ".pdf", java.nio.charset.StandardCharsets.UTF_8)
                        .build().toString())
                // an order is only made for a bureau known here, and bureaus are never forgotten
                .body(renderer.render(order, bureaus.find(order.bureau()).map(Bureau::name).orElseThrow()));
    }
}
