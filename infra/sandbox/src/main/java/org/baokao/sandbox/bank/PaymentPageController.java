package org.baokao.sandbox.bank;

import java.net.URI;

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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The page a candidate is redirected to (PAY-2), looking like the bank's cashier and marked 沙箱: 确认支付 pays and
 * notifies the merchant, 取消支付 returns without paying, and closing the window simply leaves the order waiting.
 */
@RestController
class PaymentPageController {

    private final BankLedger ledger;
    private final BankNotifier notifier;

    PaymentPageController(BankLedger ledger, BankNotifier notifier) {
        this.ledger = ledger;
        this.notifier = notifier;
    }

    @GetMapping(path = "/sandbox/bank/{channel}/pay/{orderNo}", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    ResponseEntity<String> page(@PathVariable String channel, @PathVariable String orderNo) {
        var bank = BankChannel.of(channel);
        var order = bank.flatMap(b -> ledger.find(b, orderNo));
        if (order.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML)
                    .body(html("订单不存在", "<p class=\"err\">银行没有找到此订单，请回到报名网站重新发起缴费。</p>"));
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                .body(render(order.get()));
    }

    @PostMapping(path = "/sandbox/bank/{channel}/pay/{orderNo}")
    ResponseEntity<String> act(@PathVariable String channel, @PathVariable String orderNo,
            @RequestParam(defaultValue = "") String action) {
        var order = BankChannel.of(channel).flatMap(b -> ledger.find(b, orderNo));
        if (order.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(html("订单不存在", "<p class=\"err\">银行没有找到此订单。</p>"));
        }
        BankOrder bankOrder = order.get();
        String result;
        switch (action) {
            case "pay" -> {
                if (ledger.pay(bankOrder)) {
                    notifier.paid(bankOrder);
                }
                result = bankOrder.status == BankLedger.Status.PAID ? "paid" : "closed";
            }
            case "cancel" -> result = "cancelled";
            default -> {
                return ResponseEntity.badRequest().body(html("无效操作", "<p class=\"err\">无效的操作。</p>"));
            }
        }
        if (bankOrder.returnUrl == null || bankOrder.returnUrl.isBlank()) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                    .body(render(bankOrder));
        }
        URI back = UriComponentsBuilder.fromUriString(bankOrder.returnUrl).queryParam("result", result).build().toUri();
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(back).build();
    }

    private static String render(BankOrder order) {
        String state = switch (order.status) {
            case WAITING -> "待支付";
            case PAID -> "支付成功";
            case CLOSED -> "订单已关闭";
        };
        String yuan = String.format("%d.%02d", order.amountFen / 100, order.amountFen % 100);
        StringBuilder body = new StringBuilder();
        body.append("<table>")
                .append(row("商户订单号", order.orderNo))
                .append(row("商品", order.subject == null ? "报名考试费" : order.subject))
                .append(row("金额", "¥ " + yuan + " 元"))
                .append(row("状态", state));
        if (order.bankTradeNo != null) {
            body.append(row("银行流水号", order.bankTradeNo));
        }
        body.append("</table>");
        if (order.channel.paysByQrCode() && order.status == BankLedger.Status.WAITING) {
            body.append("<p class=\"qr\">请使用手机扫描报名网站显示的二维码，或在本页确认支付。</p>");
        }
        if (order.status == BankLedger.Status.WAITING) {
            body.append("<form method=\"post\"><input type=\"hidden\" name=\"action\" value=\"pay\">")
                    .append("<label>银行卡号 <input name=\"card\" value=\"6222 **** **** 0000\" readonly></label>")
                    .append("<button class=\"pay\">确认支付</button></form>")
                    .append("<form method=\"post\"><input type=\"hidden\" name=\"action\" value=\"cancel\">")
                    .append("<button class=\"cancel\">取消支付</button></form>");
        }
        return html(order.channel.chineseName() + " 网上支付", body.toString());
    }

    private static String row(String name, String value) {
        return "<tr><th>" + name + "</th><td>" + HtmlUtils.htmlEscape(value) + "</td></tr>";
    }

    private static String html(String title, String body) {
        return """
                <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>%s（沙箱）</title>
                <style>
                body{font-family:"Noto Sans SC","Microsoft YaHei",sans-serif;background:#eef1f5;margin:0}
                header{background:#b4141e;color:#fff;padding:14px 24px;font-size:20px}
                .sandbox{background:#ffd400;color:#000;font-weight:bold;padding:6px 24px;text-align:center}
                main{max-width:520px;margin:24px auto;background:#fff;padding:24px;border-radius:6px;box-shadow:0 1px 4px #0002}
                th{text-align:left;color:#666;padding:6px 16px 6px 0}button{margin-top:16px;padding:10px 28px;font-size:16px}
                .pay{background:#b4141e;color:#fff;border:0}.cancel{background:#fff;border:1px solid #999}.err{color:#b4141e}
                </style></head><body><header>%s</header>
                <div class="sandbox">沙箱环境 SANDBOX — 模拟银行页面，不会发生真实扣款</div><main>%s</main></body></html>
                """.formatted(title, title, body);
    }
}
