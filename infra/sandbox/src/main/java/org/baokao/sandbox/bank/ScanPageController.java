package org.baokao.sandbox.bank;

import java.util.Optional;

import org.baokao.sandbox.bank.BankLedger.BankOrder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The public payment platform's phone page (PAY-2, 公共支付): what the QR code on the candidate's PC page opens on the
 * phone that scanned it, marked 沙箱 and sized for a 375 px screen. 确认支付 pays through the same checkout as the
 * cashier page (signed notifications to the merchant) and answers 支付成功 right here: the phone is not the browser
 * that is registering, so nothing redirects; the PC page learns of the payment by polling the platform. 取消支付
 * leaves the order waiting.
 */
@RestController
class ScanPageController {

    static final String PATH = "/sandbox/bank/{channel}/scan/{orderNo}";
    static final String TITLE = "上海市公共支付平台（沙箱）";
    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

    private final BankLedger ledger;
    private final BankCheckout checkout;

    ScanPageController(BankLedger ledger, BankCheckout checkout) {
        this.ledger = ledger;
        this.checkout = checkout;
    }

    @GetMapping(PATH)
    ResponseEntity<String> page(@PathVariable String channel, @PathVariable String orderNo) {
        return scannable(channel, orderNo)
                .map(order -> ResponseEntity.ok().contentType(HTML).body(render(order, null)))
                .orElseGet(ScanPageController::notFound);
    }

    @PostMapping(PATH)
    ResponseEntity<String> act(@PathVariable String channel, @PathVariable String orderNo,
            @RequestParam(defaultValue = "") String action) {
        Optional<BankOrder> found = scannable(channel, orderNo);
        if (found.isEmpty()) {
            return notFound();
        }
        BankOrder order = found.get();
        return switch (action) {
            case "pay" -> {
                checkout.pay(order);
                yield ResponseEntity.ok().contentType(HTML).body(render(order, null));
            }
            case "cancel" -> ResponseEntity.ok().contentType(HTML).body(render(order,
                    "您已取消支付，订单仍待支付。如需付款，请点击确认支付或重新扫描报名页面上的二维码。"));
            default -> ResponseEntity.badRequest().contentType(HTML)
                    .body(html("<p class=\"err\">无效的操作。</p>"));
        };
    }

    /** Only a bank that pays by QR code has a phone page. */
    private Optional<BankOrder> scannable(String channel, String orderNo) {
        return BankChannel.of(channel).filter(BankChannel::paysByQrCode).flatMap(bank -> ledger.find(bank, orderNo));
    }

    private static ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(HTML)
                .body(html("<p class=\"err\">没有找到此订单，请在报名页面重新发起支付后再扫码。</p>"));
    }

    private static String render(BankOrder order, String notice) {
        String yuan = String.format("%d.%02d", order.amountFen / 100, order.amountFen % 100);
        String merchant = (order.merchantName == null || order.merchantName.isBlank()
                ? PaymentPageController.UNNAMED_MERCHANT : order.merchantName) + "（沙箱商户）";
        StringBuilder body = new StringBuilder();
        if (order.status == BankLedger.Status.PAID) {
            body.append("<section class=\"result ok\" role=\"status\"><b aria-hidden=\"true\">✓</b><h2>支付成功</h2>")
                    .append("<p>收款方已收到支付通知。请回到电脑上的报名页面查看支付结果。</p></section>");
        }
        body.append("<section class=\"amount\"><span>支付金额</span><strong>¥").append(yuan).append("</strong></section>")
                .append("<dl>")
                .append(row("收款方", merchant))
                .append(row("商品", order.subject == null || order.subject.isBlank() ? "报名考试费" : order.subject))
                .append(row("订单号", order.orderNo))
                .append(row("订单状态", switch (order.status) {
                    case WAITING -> "待支付";
                    case PAID -> "支付成功";
                    case CLOSED -> "订单已关闭";
                }));
        if (order.bankTradeNo != null) {
            body.append(row("交易流水号", order.bankTradeNo));
        }
        body.append("</dl>");
        if (notice != null) {
            body.append("<p class=\"note\" role=\"status\">").append(HtmlUtils.htmlEscape(notice, "UTF-8")).append("</p>");
        }
        switch (order.status) {
            case WAITING -> body.append("<p class=\"hint\">沙箱不需要真实账户和密码，点击确认支付即视为付款成功，并通知收款方。</p>")
                    .append("<form method=\"post\"><input type=\"hidden\" name=\"action\" value=\"pay\">")
                    .append("<button class=\"pay\">确认支付</button></form>")
                    .append("<form method=\"post\"><input type=\"hidden\" name=\"action\" value=\"cancel\">")
                    .append("<button class=\"cancel\">取消支付</button></form>");
            case CLOSED -> body.append("<p class=\"err\">此订单已关闭，不能再付款。请回到报名页面重新发起支付。</p>");
            case PAID -> {
            }
        }
        return html(body.toString());
    }

    private static String row(String name, String value) {
        return "<div><dt>" + name + "</dt><dd>" + HtmlUtils.htmlEscape(value, "UTF-8") + "</dd></div>";
    }

    private static String html(String body) {
        return """
                <!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                *{box-sizing:border-box}
                body{margin:0;background:#f2f4f7;color:#222;font:16px/1.5 "PingFang SC","Noto Sans SC","Microsoft YaHei",sans-serif}
                .sandbox{background:repeating-linear-gradient(-45deg,#ffd400 0 14px,#ffc400 14px 28px);color:#111;
                  text-align:center;padding:6px 10px;font-weight:800;font-size:15px;letter-spacing:1px;border-bottom:2px solid #111}
                header{background:#1565c0;color:#fff;padding:14px 16px;text-align:center}
                header h1{margin:0;font-size:19px;font-weight:700}
                main{max-width:480px;margin:0 auto;padding:12px}
                .card{background:#fff;border-radius:10px;padding:16px;box-shadow:0 1px 4px #0001}
                .amount{text-align:center;padding:8px 0 14px;border-bottom:1px dashed #ccc}
                .amount span{display:block;color:#666;font-size:14px}
                .amount strong{font-size:36px;color:#1565c0}
                dl{margin:10px 0}
                dl div{display:flex;gap:10px;padding:8px 0;border-bottom:1px solid #f0f0f0}
                dt{flex:none;width:84px;color:#666}dd{margin:0;overflow-wrap:anywhere;min-width:0}
                .hint{font-size:13px;color:#8a5a00;background:#fff8e1;border-radius:6px;padding:8px 10px}
                .note{font-size:14px;color:#0d47a1;background:#e3f2fd;border-radius:6px;padding:8px 10px}
                button{width:100%%;min-height:48px;font-size:18px;border-radius:24px;cursor:pointer;font-family:inherit;margin-top:10px}
                .pay{background:#1565c0;color:#fff;border:0}
                .cancel{background:#fff;color:#444;border:1px solid #bbb}
                button:focus-visible{outline:3px solid #90caf9;outline-offset:2px}
                .result{text-align:center;padding:8px 0 4px}
                .result b{display:inline-flex;width:56px;height:56px;border-radius:50%%;background:#2e7d32;color:#fff;
                  font-size:34px;align-items:center;justify-content:center}
                .result h2{margin:8px 0 4px;color:#2e7d32;font-size:22px}
                .result p{margin:0;color:#555;font-size:14px}
                .err{color:#b4141e;font-weight:600}
                footer{text-align:center;color:#666;font-size:12px;padding:16px}
                </style></head><body>
                <div class="sandbox" role="note">沙箱环境 · 非真实支付</div>
                <header><h1>%s</h1></header>
                <main><div class="card">%s</div></main>
                <footer>扫码支付 · 本页面由报考平台的测试沙箱生成，不会发生真实扣款</footer>
                </body></html>
                """.formatted(TITLE, TITLE, body);
    }
}
