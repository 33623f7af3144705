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
    private final BankCheckout checkout;

    PaymentPageController(BankLedger ledger, BankCheckout checkout) {
        this.ledger = ledger;
        this.checkout = checkout;
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
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.parseMediaType("text/html;charset=UTF-8")).body(html("订单不存在", "<p class=\"err\">银行没有找到此订单。</p>"));
        }
        BankOrder bankOrder = order.get();
        String result;
        switch (action) {
            case "pay" -> {
                checkout.pay(bankOrder);
                result = bankOrder.status == BankLedger.Status.PAID ? "paid" : "closed";
            }
            case "cancel" -> result = "cancelled";
            default -> {
                return ResponseEntity.badRequest().contentType(MediaType.parseMediaType("text/html;charset=UTF-8")).body(html("无效操作", "<p class=\"err\">无效的操作。</p>"));
            }
        }
        if (bankOrder.returnUrl == null || bankOrder.returnUrl.isBlank()) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                    .body(render(bankOrder));
        }
        URI back = UriComponentsBuilder.fromUriString(bankOrder.returnUrl).queryParam("result", result).build().toUri();
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(back).build();
    }

    /** The merchant shown when the order did not name one (the fee collector is always some exam authority). */
    static final String UNNAMED_MERCHANT = "考试机构";

    private static String render(BankOrder order) {
        BankChannel bank = order.channel;
        String yuan = String.format("%d.%02d", order.amountFen / 100, order.amountFen % 100);
        StringBuilder body = new StringBuilder();
        String state = switch (order.status) {
            case WAITING -> "待支付";
            case PAID -> "支付成功";
            case CLOSED -> "订单已关闭";
        };
        body.append("<section class=\"amount\" aria-label=\"应付金额\"><span>应付金额</span><strong>¥ ")
                .append(yuan).append("</strong><em>").append(yuan).append(" 元</em>")
                .append("<b class=\"state s-").append(order.status.name().toLowerCase()).append("\">").append(state)
                .append("</b></section>");
        body.append("<dl class=\"order\">")
                .append(row("商户名称", (order.merchantName == null || order.merchantName.isBlank() ? UNNAMED_MERCHANT
                        : order.merchantName) + "（沙箱商户）"))
                .append(row("商户订单号", order.orderNo))
                .append(row("商品名称", order.subject == null || order.subject.isBlank() ? "报名考试费" : order.subject))
                .append(row("订单金额", yuan + " 元"))
                .append(row("订单状态", state));
        if (order.bankTradeNo != null) {
            body.append(row("银行流水号", order.bankTradeNo));
        }
        body.append("</dl>");
        if (order.status == BankLedger.Status.WAITING) {
            if (bank.paysByQrCode()) {
                body.append("<div class=\"qr\"><div class=\"qrbox\" aria-hidden=\"true\"></div><p>请使用手机扫描报名网站")
                        .append("显示的二维码，或在本页确认支付。</p></div>");
            }
            body.append("<form method=\"post\" class=\"pay-form\">")
                    .append("<input type=\"hidden\" name=\"action\" value=\"pay\">")
                    .append("<label for=\"card\">付款卡号（模拟卡）</label>")
                    .append("<input id=\"card\" name=\"card\" value=\"6222 **** **** 0000\" readonly>")
                    .append("<p class=\"note\">沙箱不需要真实卡号和密码，点击确认支付即视为付款成功，并通知商户。</p>")
                    .append("<button class=\"pay\">确认支付</button></form>")
                    .append("<form method=\"post\"><input type=\"hidden\" name=\"action\" value=\"cancel\">")
                    .append("<button class=\"cancel\">取消支付</button></form>");
        } else if (order.status == BankLedger.Status.PAID) {
            body.append("<p class=\"done\">付款已完成，银行已通知商户。请回到报名网站查看缴费状态。</p>");
        } else {
            body.append("<p class=\"err\">此订单已关闭，不能再付款。请回到报名网站重新发起缴费。</p>");
        }
        return html(bank, bank.chineseName() + " 网上支付", body.toString());
    }

    private static String row(String name, String value) {
        return "<div><dt>" + name + "</dt><dd>" + HtmlUtils.htmlEscape(value, "UTF-8") + "</dd></div>";
    }

    private static String html(String title, String body) {
        return html(null, title, body);
    }

    /** Each bank in its own colours (中国光大银行 purple, 银联 red/blue/green, 公共支付平台 neutral). */
    private static String html(BankChannel bank, String title, String body) {
        String theme = bank == null ? "neutral" : switch (bank) {
            case CEB -> "ceb";
            case UNIONPAY -> "unionpay";
            case PUBLIC_PAYMENT_PLATFORM -> "ppp";
        };
        String logo = bank == null ? "" : switch (bank) {
            case CEB -> "<span class=\"logo\" aria-hidden=\"true\">光</span>";
            case UNIONPAY -> "<span class=\"logo\" aria-hidden=\"true\"><i></i><i></i><i></i><b>银联</b></span>";
            case PUBLIC_PAYMENT_PLATFORM -> "<span class=\"logo\" aria-hidden=\"true\">¥</span>";
        };
        String bankName = bank == null ? "沙箱银行" : bank.chineseName();
        return """
                <!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s（沙箱）</title>
                <style>
                *{box-sizing:border-box}
                body{font-family:"PingFang SC","Noto Sans SC","Microsoft YaHei",sans-serif;background:#f2f3f7;margin:0;color:#222}
                .t-ceb{--main:#6a1b9a;--dark:#4a148c;--accent:#f5b800;--soft:#f3e8fa}
                .t-unionpay{--main:#e60012;--dark:#00508e;--accent:#00908c;--soft:#fdecee}
                .t-ppp,.t-neutral{--main:#455a64;--dark:#263238;--accent:#90a4ae;--soft:#eceff1}
                .sandbox{background:repeating-linear-gradient(-45deg,#ffd400 0 16px,#ffc400 16px 32px);color:#111;
                  text-align:center;padding:10px 12px;font-weight:800;font-size:18px;letter-spacing:2px;border-bottom:3px solid #111}
                .sandbox small{display:block;font-size:13px;font-weight:400;letter-spacing:0}
                header{background:linear-gradient(90deg,var(--dark),var(--main));color:#fff}
                .t-unionpay header{background:linear-gradient(90deg,#e60012 0 34%%,#00508e 34%% 67%%,#00908c 67%%)}
                header .in{max-width:720px;margin:0 auto;padding:14px 16px;display:flex;align-items:center;gap:12px}
                header h1{font-size:20px;margin:0;font-weight:700}
                header .sub{margin-left:auto;font-size:14px;opacity:.9;white-space:nowrap}
                .logo{flex:none;width:40px;height:40px;border-radius:50%%;background:#fff;color:var(--main);display:flex;
                  align-items:center;justify-content:center;font-weight:900;font-size:20px;position:relative;overflow:hidden;
                  border:2px solid var(--accent)}
                .t-unionpay .logo{border-radius:6px;border:0;width:46px;background:none}
                .t-unionpay .logo i{position:absolute;top:4px;bottom:4px;width:16px;border-radius:3px;transform:skewX(-12deg)}
                .t-unionpay .logo i:nth-child(1){left:3px;background:#e60012;border:1px solid #fff}
                .t-unionpay .logo i:nth-child(2){left:16px;background:#00508e;border:1px solid #fff}
                .t-unionpay .logo i:nth-child(3){left:29px;background:#00908c;border:1px solid #fff}
                .t-unionpay .logo b{position:relative;color:#fff;font-size:12px}
                main{max-width:720px;margin:20px auto;padding:0 12px}
                .card{background:#fff;border-radius:8px;box-shadow:0 2px 8px #0001;overflow:hidden;border-top:4px solid var(--main)}
                .card h2{margin:0;padding:14px 20px;font-size:16px;background:var(--soft);color:var(--dark)}
                .content{padding:20px}
                .amount{display:flex;flex-wrap:wrap;align-items:baseline;gap:8px 12px;padding-bottom:16px;border-bottom:1px dashed #ccc}
                .amount span{color:#666;width:100%%}
                .amount strong{font-size:34px;color:var(--main)}
                .amount em{font-style:normal;color:#666}
                .state{margin-left:auto;padding:2px 10px;border-radius:12px;font-size:14px}
                .s-waiting{background:#fff4d6;color:#8a5a00}.s-paid{background:#e3f6e8;color:#1b6e2d}.s-closed{background:#eee;color:#555}
                dl.order{margin:16px 0}
                dl.order div{display:flex;gap:12px;padding:7px 0;border-bottom:1px solid #f0f0f0}
                dt{flex:none;width:92px;color:#666}dd{margin:0;overflow-wrap:anywhere;min-width:0}
                .pay-form{display:flex;flex-direction:column;gap:6px;margin-top:8px}
                .pay-form label{font-size:14px;color:#444}
                .pay-form input{padding:10px;font-size:16px;border:1px solid #ccc;border-radius:6px;background:#fafafa;width:100%%}
                .note{font-size:13px;color:#8a5a00;background:#fff8e1;border-radius:6px;padding:8px 10px;margin:6px 0}
                button{width:100%%;padding:13px;font-size:17px;border-radius:6px;cursor:pointer;font-family:inherit}
                .pay{background:var(--main);color:#fff;border:0;margin-top:6px}
                .pay:hover{filter:brightness(1.08)}
                .cancel{background:#fff;color:#444;border:1px solid #bbb;margin-top:10px}
                button:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
                .qr{display:flex;gap:12px;align-items:center;margin:8px 0 12px;color:#444;font-size:14px}
                .qrbox{flex:none;width:72px;height:72px;border:4px solid #333;background:
                  repeating-conic-gradient(#333 0 25%%,#fff 0 50%%) 0 0/16px 16px}
                .done{color:#1b6e2d;font-weight:600}.err{color:#b4141e;font-weight:600}
                footer{max-width:720px;margin:0 auto 24px;padding:0 16px;color:#666;font-size:12px;text-align:center}
                </style></head><body class="t-%s">
                <div class="sandbox" role="note">沙箱环境 · 非真实支付<small>模拟银行页面，仅用于开发和测试，不会发生真实扣款</small></div>
                <header><div class="in">%s<h1>%s</h1><span class="sub">网上支付 · 收银台</span></div></header>
                <main><div class="card"><h2>%s</h2><div class="content">%s</div></div></main>
                <footer>%s（沙箱模拟）· 本页面由报考平台的测试沙箱生成</footer>
                </body></html>
                """.formatted(title, theme, logo, bankName, bank == null ? title : "订单支付", body, bankName);
    }
}
