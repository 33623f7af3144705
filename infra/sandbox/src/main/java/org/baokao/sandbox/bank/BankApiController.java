package org.baokao.sandbox.bank;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.baokao.sandbox.bank.BankLedger.BankOrder;
import org.baokao.sandbox.bank.BankLedger.Transaction;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The merchant side of each sandbox bank (PAY-2, PAY-5, PAY-6): create an order (idempotent by the merchant's order
 * number), query it, close it, refund it, fetch the bank's public key and the daily statement file. Answers that
 * tell the merchant about money are signed like notifications. The {@code test} paths play the candidate and the
 * bank's own mishaps for tests and demos.
 */
@RestController
class BankApiController {

    private final BankLedger ledger;
    private final BankKeys keys;
    private final BankNotifier notifier;
    private final BankCheckout checkout;
    private final String publicUrl;

    BankApiController(BankLedger ledger, BankKeys keys, BankNotifier notifier, BankCheckout checkout,
            BankSettings settings) {
        this.ledger = ledger;
        this.keys = keys;
        this.notifier = notifier;
        this.checkout = checkout;
        this.publicUrl = settings.publicUrl();
    }

    /** {@code merchantName}: who collects the money (the order's 考试院), shown on the cashier page. */
    record CreateOrder(String orderNo, Long amountFen, String subject, String merchantName, String notifyUrl,
            String returnUrl) {
    }

    record Refund(String orderNo, String refundNo, Long amountFen) {
    }

    @PostMapping("/sandbox/bank/{channel}/api/orders")
    ResponseEntity<?> create(@PathVariable String channel, @RequestBody CreateOrder request) {
        return withBank(channel, bank -> {
            if (request.orderNo() == null || !request.orderNo().matches("[A-Za-z0-9]{8,40}") || request.amountFen() == null
                    || request.amountFen() <= 0) {
                return problem(HttpStatus.BAD_REQUEST, "INVALID_ORDER", "订单号须为8至40位字母数字，金额须为正整数（分）");
            }
            BankOrder order = ledger.create(bank, request.orderNo(), request.amountFen(), request.subject(),
                    request.merchantName(), request.notifyUrl(), request.returnUrl());
            if (order.amountFen != request.amountFen()) {
                return problem(HttpStatus.CONFLICT, "ORDER_NO_REUSED", "该订单号已用于另一金额的订单");
            }
            String payUrl = publicAddress("/sandbox/bank/{channel}/pay/{orderNo}", bank.name(), order.orderNo);
            Map<String, String> answer = new LinkedHashMap<>();
            answer.put("channel", bank.name());
            answer.put("orderNo", order.orderNo);
            answer.put("tradeStatus", tradeStatus(order));
            answer.put("payUrl", payUrl);
            if (bank.paysByQrCode()) {
                // what the QR code says: the platform's phone page, which the phone that scanned it opens
                answer.put("qrCode", publicAddress(ScanPageController.PATH,
                        bank.name().toLowerCase(java.util.Locale.ROOT), order.orderNo));
            }
            return ResponseEntity.ok(answer);
        });
    }

    /** A page of the sandbox as the candidate's browser or phone reaches it ({@code sandbox.public-url}, or this request's). */
    private String publicAddress(String path, Object... variables) {
        var base = publicUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath()
                : org.springframework.web.util.UriComponentsBuilder.fromUriString(publicUrl);
        return base.path(path).buildAndExpand(variables).toUriString();
    }

    /** Signed: the merchant acts on it as on a notification (refresh, background query, reconciliation). */
    @GetMapping("/sandbox/bank/{channel}/api/orders/{orderNo}")
    ResponseEntity<?> query(@PathVariable String channel, @PathVariable String orderNo) {
        return withBank(channel, bank -> ResponseEntity.ok(keys.signed(bank, ledger.find(bank, orderNo)
                .map(BankApiController::describe)
                .orElseGet(() -> Map.of("channel", bank.name(), "orderNo", orderNo, "tradeStatus", "NOT_FOUND")))));
    }

    @PostMapping("/sandbox/bank/{channel}/api/orders/{orderNo}/close")
    ResponseEntity<?> close(@PathVariable String channel, @PathVariable String orderNo) {
        return withBank(channel, bank -> ledger.find(bank, orderNo)
                .<ResponseEntity<?>>map(order -> {
                    ledger.close(order);
                    return ResponseEntity.ok(keys.signed(bank, describe(order)));
                })
                .orElseGet(() -> ResponseEntity.ok(keys.signed(bank,
                        Map.of("channel", bank.name(), "orderNo", orderNo, "tradeStatus", "NOT_FOUND")))));
    }

    @PostMapping("/sandbox/bank/{channel}/api/refunds")
    ResponseEntity<?> refund(@PathVariable String channel, @RequestBody Refund request) {
        return withBank(channel, bank -> {
            if (request.orderNo() == null || request.refundNo() == null || request.amountFen() == null) {
                return problem(HttpStatus.BAD_REQUEST, "INVALID_REFUND", "退款须有订单号、退款单号和金额");
            }
            Map<String, String> answer = new LinkedHashMap<>();
            answer.put("channel", bank.name());
            answer.put("orderNo", request.orderNo());
            answer.put("refundNo", request.refundNo());
            answer.put("amountFen", request.amountFen().toString());
            var refunded = ledger.find(bank, request.orderNo())
                    .flatMap(order -> ledger.refund(order, request.refundNo(), request.amountFen()));
            answer.put("refundStatus", refunded.isPresent() ? "SUCCESS" : "FAILED");
            refunded.ifPresent(r -> answer.put("refundedAt", r.refundedAt().toString()));
            return ResponseEntity.ok(keys.signed(bank, answer));
        });
    }

    @GetMapping("/sandbox/bank/{channel}/public-key")
    ResponseEntity<?> publicKey(@PathVariable String channel) {
        return withBank(channel, bank -> ResponseEntity.ok(Map.of("channel", bank.name(), "algorithm",
                "RSA-SHA256", "publicKey", keys.publicKey(bank))));
    }

    /**
     * The daily statement file: CSV, one line per payment or refund booked that day (Asia/Shanghai):
     * {@code type,bankTradeNo,orderNo,amountFen,time,refundNo}.
     */
    @GetMapping(path = "/sandbox/bank/{channel}/statements/{day}", produces = "text/csv;charset=UTF-8")
    ResponseEntity<?> statement(@PathVariable String channel, @PathVariable String day) {
        return withBank(channel, bank -> {
            LocalDate date;
            try {
                date = LocalDate.parse(day);
            } catch (DateTimeParseException e) {
                return problem(HttpStatus.BAD_REQUEST, "INVALID_DATE", "日期格式须为yyyy-MM-dd");
            }
            StringBuilder csv = new StringBuilder("type,bankTradeNo,orderNo,amountFen,time,refundNo\n");
            for (Transaction t : ledger.statement(bank, date)) {
                csv.append(t.type()).append(',').append(t.bankTradeNo()).append(',').append(t.orderNo()).append(',')
                        .append(t.amountFen()).append(',').append(t.at()).append(',')
                        .append(t.refundNo() == null ? "" : t.refundNo()).append('\n');
            }
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                    .body(csv.toString());
        });
    }

    /** Test hook: the candidate pays at the bank (what the payment page's 确认支付 does). */
    @PostMapping("/sandbox/bank/{channel}/test/orders/{orderNo}/pay")
    ResponseEntity<?> pay(@PathVariable String channel, @PathVariable String orderNo) {
        return onOrder(channel, orderNo, (bank, order) -> {
            checkout.pay(order);
            return ResponseEntity.ok(describe(order));
        });
    }

    /** Test hook: the bank captures a payment although the order was closed (a late success), and notifies. */
    @PostMapping("/sandbox/bank/{channel}/test/orders/{orderNo}/late-pay")
    ResponseEntity<?> latePay(@PathVariable String channel, @PathVariable String orderNo) {
        return onOrder(channel, orderNo, (bank, order) -> {
            if (ledger.payEvenIfClosed(order)) {
                notifier.paid(order);
            }
            return ResponseEntity.ok(describe(order));
        });
    }

    /** Test hook: a freshly signed notification of a paid order, to deliver by hand (duplicates, benchmarks). */
    @GetMapping("/sandbox/bank/{channel}/test/orders/{orderNo}/notification")
    ResponseEntity<?> notification(@PathVariable String channel, @PathVariable String orderNo) {
        return onOrder(channel, orderNo, (bank, order) -> order.status == BankLedger.Status.PAID
                ? ResponseEntity.ok(notifier.signedNotification(order))
                : problem(HttpStatus.CONFLICT, "ORDER_NOT_PAID", "订单未支付"));
    }

    private ResponseEntity<?> onOrder(String channel, String orderNo,
            java.util.function.BiFunction<BankChannel, BankOrder, ResponseEntity<?>> action) {
        return withBank(channel, bank -> ledger.find(bank, orderNo)
                .<ResponseEntity<?>>map(order -> action.apply(bank, order))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "ORDER_NOT_FOUND", "银行无此订单")));
    }

    static Map<String, String> describe(BankOrder order) {
        synchronized (order) {
            Map<String, String> out = new LinkedHashMap<>();
            out.put("channel", order.channel.name());
            out.put("orderNo", order.orderNo);
            out.put("tradeStatus", tradeStatus(order));
            out.put("amountFen", Long.toString(order.amountFen));
            if (order.bankTradeNo != null) {
                out.put("bankTradeNo", order.bankTradeNo);
                out.put("paidAt", order.paidAt.toString());
            }
            out.put("refundedFen", Long.toString(order.refundedFen));
            return out;
        }
    }

    private static String tradeStatus(BankOrder order) {
        return switch (order.status) {
            case WAITING -> "WAITING";
            case PAID -> "SUCCESS";
            case CLOSED -> "CLOSED";
        };
    }

    static ResponseEntity<?> withBank(String channel, Function<BankChannel, ResponseEntity<?>> action) {
        return BankChannel.of(channel).<ResponseEntity<?>>map(action)
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "UNKNOWN_BANK", "沙箱中没有此银行"));
    }

    static ResponseEntity<?> problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return ResponseEntity.status(status).body(problem);
    }
}
