package org.baokao.sandbox.sms;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.baokao.sandbox.Unreliability.Settings;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The inbox page (http://localhost:8090/sandbox/sms), rendered on the server: like a phone's message list, one
 * conversation per phone number (the newest first), a filter by number, the codes in large type, and the failure
 * controls (故障模拟) as a plain form. A small script refreshes the lists every few seconds.
 */
@RestController
class InboxPageController {

    private static final int SHOWN = 300;
    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));
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
                    .append("<span class=\"when\">").append(SHORT_TIME.format(last.receivedAt()))
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
                list.append("<li class=\"bubble\"><div class=\"text\">").append(highlight(m.content())).append("</div>")
                        .append("<div class=\"meta\"><time datetime=\"").append(m.receivedAt()).append("\">")
                        .append(TIME.format(m.receivedAt())).append("</time>");
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
        return PAGE.formatted(
                phone == null ? "" : esc(phone),
                phone == null ? "" : "<a class=\"all\" href=\"/sandbox/sms\">显示全部</a>",
                byPhone.size(), all.size(),
                threads, list,
                phone == null ? "" : "<input type=\"hidden\" name=\"phone\" value=\"" + esc(phone) + "\">",
                fmt(now.failureRate()), now.latencyMs(),
                healthy, esc(state),
                behaviourError == null ? "" : "<p class=\"error\" role=\"alert\">" + esc(behaviourError) + "</p>");
    }

    private static String highlight(String content) {
        return CODE.matcher(esc(content)).replaceAll("<strong class=\"code\">$1</strong>");
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
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }

    private static final String PAGE = """
            <!doctype html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>【沙箱】短信网关 · 短信收件箱</title>
            <style>
            *{box-sizing:border-box}
            body{font-family:"PingFang SC","Noto Sans SC","Microsoft YaHei",sans-serif;margin:0;background:#eceff3;color:#1f2328}
            .banner{background:repeating-linear-gradient(-45deg,#e8890c 0 14px,#d97706 14px 28px);color:#fff;padding:10px 16px;
              font-weight:700;text-align:center;letter-spacing:1px;text-shadow:0 1px 1px #0005}
            .banner small{display:block;font-weight:400;letter-spacing:0;font-size:13px}
            header.top{max-width:1080px;margin:0 auto;padding:16px 16px 4px;display:flex;align-items:baseline;gap:12px;flex-wrap:wrap}
            h1{font-size:22px;margin:0}
            .count{color:#5b6573;font-size:14px}
            main{max-width:1080px;margin:0 auto;padding:8px 16px 32px;display:grid;grid-template-columns:1fr;gap:16px}
            @media (min-width:820px){main{grid-template-columns:300px 1fr}.side{grid-row:span 2}}
            main>*{min-width:0}
            .card{background:#fff;border-radius:12px;box-shadow:0 1px 3px #0001;padding:12px}
            form.filter{display:flex;gap:8px;align-items:center;flex-wrap:wrap}
            form.filter label{font-weight:600}
            form.filter input{flex:1;min-width:0;padding:9px 10px;font-size:16px;border:1px solid #c5ccd6;border-radius:8px}
            button{padding:9px 16px;font-size:15px;border-radius:8px;border:0;background:#2563eb;color:#fff;cursor:pointer}
            button:focus-visible,a:focus-visible,input:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
            .all{font-size:14px;color:#2563eb}
            .threads{list-style:none;margin:10px 0 0;padding:0;max-height:60vh;overflow:auto}
            .threads .none{color:#5b6573;padding:8px}
            .thread{display:flex;gap:10px;align-items:center;padding:9px 8px;border-radius:10px;color:inherit;text-decoration:none}
            .thread:hover{background:#f1f5f9}.thread.selected{background:#dbeafe}
            .avatar{flex:none;width:38px;height:38px;border-radius:50%%;background:#34c759;color:#fff;display:flex;
              align-items:center;justify-content:center;font-weight:700}
            .who{flex:1;min-width:0;display:flex;flex-direction:column}
            .who b{font-size:15px}.who small{color:#5b6573;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
            .when{flex:none;color:#5b6573;font-size:12px;text-align:right;display:flex;flex-direction:column;gap:2px}
            .when i{font-style:normal;background:#e2e8f0;border-radius:9px;padding:0 6px;align-self:flex-end}
            .conversation h2{font-size:17px;margin:0 0 8px;display:flex;gap:8px;align-items:baseline;flex-wrap:wrap}
            .conversation h2 small{font-weight:400;color:#5b6573;font-size:13px}
            .conversation ol{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:10px}
            .conversation + .conversation{margin-top:18px;padding-top:14px;border-top:1px solid #e5e7eb}
            .bubble{background:#e9e9eb;border-radius:18px 18px 18px 4px;padding:10px 14px;max-width:560px;overflow-wrap:anywhere}
            .bubble .text{font-size:15px;line-height:1.6}
            .code{font-family:"SFMono-Regular",Consolas,"Courier New",monospace;font-size:20px;letter-spacing:3px;
              background:#fff;border:1px solid #c5ccd6;border-radius:6px;padding:0 6px;margin:0 2px;color:#0f172a}
            .meta{color:#5b6573;font-size:12px;margin-top:4px}
            .dedup{color:#92400e;margin-left:6px}
            .empty{color:#5b6573;text-align:center;padding:24px 0}
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
            </style>
            </head>
            <body>
            <div class="banner" role="note">沙箱环境 · 模拟短信网关<small>仅用于开发和测试，不会发送真实短信</small></div>
            <header class="top"><h1>短信收件箱</h1><span class="count" id="count">%3$d 个号码 · %4$d 条短信</span></header>
            <main>
            <div class="side card">
              <form class="filter" method="get" action="/sandbox/sms" role="search">
                <label for="phone">手机号</label>
                <input id="phone" name="phone" inputmode="numeric" autocomplete="off" value="%1$s" placeholder="按手机号筛选">
                <button type="submit">查询</button>
                %2$s
              </form>
              <nav aria-label="会话列表"><ul class="threads" id="threads">%5$s</ul></nav>
            </div>
            <div class="card" id="list" aria-live="polite">%6$s</div>
            <fieldset class="card">
              <legend>故障模拟（仅沙箱）</legend>
              <form id="behaviour" method="post" action="/sandbox/sms">
                %7$s
                <label for="failureRate">失败率（0–1）<input id="failureRate" name="failureRate" type="number" min="0" max="1" step="0.05" value="%8$s"></label>
                <label for="latencyMs">延迟（毫秒）<input id="latencyMs" name="latencyMs" type="number" min="0" max="60000" step="100" value="%9$d"></label>
                <button type="submit">应用</button>
              </form>
              <p id="behaviour-state" class="%10$s">%11$s</p>
              %12$s
              <p class="hint">失败时网关答 503 GATEWAY_BUSY，平台应重试；延迟模拟繁忙的运营商。</p>
            </fieldset>
            </main>
            <script>
            // refreshes the lists from the same server-rendered page; the form fields are left alone
            setInterval(async () => {
              if (document.hidden) return;
              try {
                const res = await fetch(location.href, { headers: { Accept: 'text/html' } });
                if (!res.ok) return;
                const next = new DOMParser().parseFromString(await res.text(), 'text/html');
                for (const id of ['threads', 'list', 'count']) {
                  const now = document.getElementById(id), fresh = next.getElementById(id);
                  if (now && fresh && now.innerHTML !== fresh.innerHTML) now.innerHTML = fresh.innerHTML;
                }
              } catch (e) { /* the sandbox restarts now and then */ }
            }, 3000);
            </script>
            </body>
            </html>
            """;
}
