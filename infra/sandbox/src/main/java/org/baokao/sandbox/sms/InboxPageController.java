package org.baokao.sandbox.sms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.baokao.sandbox.InboxPage;
import org.baokao.sandbox.Unreliability.Settings;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The inbox page (http://localhost:8090/sandbox/sms), rendered on the server: like a phone's message list, one
 * conversation per phone number (the newest first), a filter by number, the codes in large type, and the failure
 * controls (故障模拟) as a plain form, in the frame shared with the mail inbox ({@link InboxPage}).
 */
@RestController
class InboxPageController {

    private static final int SHOWN = 300;
    private static final MediaType HTML = InboxPage.HTML;
    private static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{4,8})(?!\\d)");

    private final SmsInbox inbox;
    private final SmsGatewayBehaviour behaviour;

    InboxPageController(SmsInbox inbox, SmsGatewayBehaviour behaviour) {
        this.inbox = inbox;
        this.behaviour = behaviour;
    }

    @GetMapping(path = { "/sandbox/sms", "/sandbox/sms/", "/sandbox/sms/index.html" })
    ResponseEntity<String> inbox(@RequestParam(required = false) String phone) {
        return ResponseEntity.ok().contentType(HTML).body(render(clean(phone), null));
    }

    /** 故障模拟 as a form: an empty field keeps its value; a bad value shows the page again with the reason. */
    @PostMapping(path = { "/sandbox/sms", "/sandbox/sms/" }, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> changeBehaviour(@RequestParam(required = false) String failureRate,
            @RequestParam(required = false) String latencyMs, @RequestParam(required = false) String phone) {
        Settings current = behaviour.current();
        Settings next;
        try {
            next = new Settings(blank(failureRate) ? current.failureRate() : Double.parseDouble(failureRate.strip()),
                    blank(latencyMs) ? current.latencyMs() : Long.parseLong(latencyMs.strip()));
        } catch (NumberFormatException e) {
            next = null;
        }
        if (next == null || !next.valid()) {
            return ResponseEntity.badRequest().contentType(HTML).body(render(clean(phone),
                    "失败率须在0到1之间，延迟须在0到" + Settings.MAX_LATENCY_MS + "毫秒之间"));
        }
        behaviour.change(next);
        var back = UriComponentsBuilder.fromPath("/sandbox/sms");
        if (clean(phone) != null) {
            back.queryParam("phone", clean(phone));
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(back.build().encode().toUri()).build();
    }

    private String render(String phone, String behaviourError) {
        List<SmsMessage> all = inbox.newestFirst(null, SHOWN);
        Map<String, List<SmsMessage>> byPhone = new LinkedHashMap<>();
        all.forEach(m -> byPhone.computeIfAbsent(m.phone(), p -> new ArrayList<>()).add(m));

        StringBuilder threads = new StringBuilder();
        if (byPhone.isEmpty()) {
            threads.append("<li class=\"none\">暂无会话</li>");
        }
        byPhone.forEach((number, messages) -> {
            SmsMessage last = messages.getFirst();
            boolean selected = number.equals(phone);
            threads.append("<li><a class=\"thread").append(selected ? " selected" : "").append("\" href=\"")
                    .append(link(number)).append("\"").append(selected ? " aria-current=\"true\"" : "").append(">")
                    .append("<span class=\"avatar\" aria-hidden=\"true\">").append(esc(tail(number))).append("</span>")
                    .append("<span class=\"who\"><b>").append(esc(spaced(number))).append("</b>")
                    .append("<small>").append(esc(preview(last.content()))).append("</small></span>")
                    .append("<span class=\"when\">").append(InboxPage.SHORT_TIME.format(last.receivedAt()))
                    .append("<i>").append(messages.size()).append("条</i></span></a></li>");
        });

        StringBuilder list = new StringBuilder();
        Map<String, List<SmsMessage>> shown = new LinkedHashMap<>();
        if (phone == null) {
            shown.putAll(byPhone);
        } else {
            List<SmsMessage> own = inbox.newestFirst(phone, SHOWN);
            shown.put(phone, own);
        }
        if (shown.isEmpty() || shown.values().stream().allMatch(List::isEmpty)) {
            list.append("<p class=\"empty\">").append(phone == null ? "暂无短信" : "手机号 " + esc(phone) + " 暂无短信")
                    .append("</p>");
        }
        shown.forEach((number, messages) -> {
            if (messages.isEmpty()) {
                return;
            }
            list.append("<section class=\"conversation\" aria-label=\"发给 ").append(esc(number)).append(" 的短信\">")
                    .append("<h2><span>").append(esc(spaced(number))).append("</span><small>共 ")
                    .append(messages.size()).append(" 条，最新在上</small></h2><ol>");
            for (SmsMessage m : messages) {
                list.append("<li class=\"bubble\"><div class=\"text\">").append(InboxPage.highlight(m.content(), CODE)).append("</div>")
                        .append("<div class=\"meta\"><time datetime=\"").append(m.receivedAt()).append("\">")
                        .append(InboxPage.TIME.format(m.receivedAt())).append("</time>");
                if (m.submissions() > 1) {
                    list.append("<span class=\"dedup\">（平台重复提交").append(m.submissions())
                            .append("次，已按请求标识去重，只投递一次）</span>");
                }
                list.append("</div></li>");
            }
            list.append("</ol></section>");
        });

        Settings now = behaviour.current();
        String state = "当前：失败率 " + Math.round(now.failureRate() * 100) + "%，延迟 " + now.latencyMs() + " 毫秒";
        String healthy = now.failureRate() == 0 && now.latencyMs() == 0 ? " ok" : " bad";
        String side = """
                <form class="filter" method="get" action="/sandbox/sms" role="search">
                  <label for="phone">手机号</label>
                  <input id="phone" name="phone" inputmode="numeric" autocomplete="off" value="%s" placeholder="按手机号筛选">
                  <button type="submit">查询</button>
                  %s
                </form>
                <nav aria-label="会话列表"><ul class="threads" id="threads">%s</ul></nav>""".formatted(
                phone == null ? "" : esc(phone),
                phone == null ? "" : "<a class=\"all\" href=\"/sandbox/sms\">显示全部</a>", threads);
        String failures = """
                <fieldset class="card">
                  <legend>故障模拟（仅沙箱）</legend>
                  <form id="behaviour" method="post" action="/sandbox/sms">
                    %s
                    <label for="failureRate">失败率（0–1）<input id="failureRate" name="failureRate" type="number" min="0" max="1" step="0.05" value="%s"></label>
                    <label for="latencyMs">延迟（毫秒）<input id="latencyMs" name="latencyMs" type="number" min="0" max="60000" step="100" value="%d"></label>
                    <button type="submit">应用</button>
                  </form>
                  <p id="behaviour-state" class="%s">%s</p>
                  %s
                  <p class="hint">失败时网关答 503 GATEWAY_BUSY，平台应重试；延迟模拟繁忙的运营商。</p>
                </fieldset>""".formatted(
                phone == null ? "" : "<input type=\"hidden\" name=\"phone\" value=\"" + esc(phone) + "\">",
                fmt(now.failureRate()), now.latencyMs(), healthy, esc(state),
                behaviourError == null ? "" : "<p class=\"error\" role=\"alert\">" + esc(behaviourError) + "</p>");
        return InboxPage.render(new InboxPage.Parts("【沙箱】短信网关 · 短信收件箱", "模拟短信网关", "仅用于开发和测试，不会发送真实短信",
                "短信收件箱", byPhone.size() + " 个号码 · " + all.size() + " 条短信", STYLES, side, list.toString(),
                failures));
    }

    /** The start of a message without its 【signature】, so the code shows in the conversation list. */
    private static String preview(String content) {
        String text = content.replaceFirst("^【[^】]*】", "");
        return text.length() > 24 ? text.substring(0, 24) + "…" : text;
    }

    private static String link(String phone) {
        return UriComponentsBuilder.fromPath("/sandbox/sms").queryParam("phone", phone).build().encode().toUriString();
    }

    private static String spaced(String phone) {
        return phone.length() == 11 ? phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7)
                : phone;
    }

    private static String tail(String phone) {
        return phone.length() > 2 ? phone.substring(phone.length() - 2) : phone;
    }

    private static String fmt(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
    }

    private static String clean(String phone) {
        return blank(phone) ? null : phone.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String esc(String s) {
        return InboxPage.esc(s);
    }

    /** The SMS page's own rules: green avatars, messages as bubbles, the failure controls. */
    private static final String STYLES = """
            @media (min-width:820px){main{grid-template-columns:300px 1fr}.side{grid-row:span 2}}
            .avatar{background:#1e7a4f}
            .who b{font-size:15px}
            .conversation h2{font-size:17px;margin:0 0 8px;display:flex;gap:8px;align-items:baseline;flex-wrap:wrap}
            .conversation h2 small{font-weight:400;color:#5b6573;font-size:13px}
            .conversation ol{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:10px}
            .conversation + .conversation{margin-top:18px;padding-top:14px;border-top:1px solid #e5e7eb}
            .bubble{background:#e9e9eb;border-radius:18px 18px 18px 4px;padding:10px 14px;max-width:560px;overflow-wrap:anywhere}
            .bubble .text{font-size:15px;line-height:1.6}
            .meta{color:#5b6573;font-size:12px;margin-top:4px}
            .dedup{color:#92400e;margin-left:6px}
            fieldset{border:2px dashed #d97706;border-radius:12px;background:#fffbeb;margin:0;padding:10px 12px}
            legend{font-weight:700;color:#92400e;padding:0 6px}
            fieldset form{display:flex;flex-wrap:wrap;gap:10px;align-items:flex-end}
            fieldset label{display:flex;flex-direction:column;font-size:14px;gap:4px}
            fieldset input{width:130px;padding:8px;font-size:16px;border:1px solid #c5ccd6;border-radius:8px}
            fieldset button{background:#b45309}
            #behaviour-state{margin:8px 0 0;font-size:14px}
            #behaviour-state.ok{color:#166534}#behaviour-state.bad{color:#b91c1c;font-weight:700}
            .error{color:#b91c1c;font-weight:700;margin:8px 0 0}
            .hint{color:#5b6573;font-size:13px;margin:6px 0 0}
            """;
}
