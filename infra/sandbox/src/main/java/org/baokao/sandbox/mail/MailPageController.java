package org.baokao.sandbox.mail;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The mail inbox page (http://localhost:8090/sandbox/mail), rendered on the server like the SMS inbox: one
 * mailbox per recipient address (the one with the newest mail first), a filter by address, each mail with its
 * subject, sender, time and text, six-digit codes set apart. A small script refreshes the lists every few seconds.
 */
@RestController
class MailPageController {

    private static final int SHOWN = 300;
    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");

    private final MailInbox inbox;
    private final MailServer server;

    MailPageController(MailInbox inbox, MailServer server) {
        this.inbox = inbox;
        this.server = server;
    }

    @GetMapping(path = { "/sandbox/mail", "/sandbox/mail/", "/sandbox/mail/index.html" })
    ResponseEntity<String> inbox(@RequestParam(required = false) String to) {
        return ResponseEntity.ok().contentType(HTML).body(render(to == null || to.isBlank() ? null : to.strip()));
    }

    private String render(String to) {
        List<MailMessage> all = inbox.newestFirst(null, SHOWN);
        Map<String, List<MailMessage>> byAddress = new LinkedHashMap<>();
        all.forEach(m -> byAddress.computeIfAbsent(m.to().toLowerCase(Locale.ROOT), a -> new ArrayList<>()).add(m));

        StringBuilder mailboxes = new StringBuilder();
        if (byAddress.isEmpty()) {
            mailboxes.append("<li class=\"none\">暂无邮箱</li>");
        }
        byAddress.forEach((address, mails) -> {
            MailMessage last = mails.getFirst();
            boolean selected = address.equalsIgnoreCase(to == null ? "" : to);
            mailboxes.append("<li><a class=\"thread").append(selected ? " selected" : "").append("\" href=\"")
                    .append(link(address)).append("\"").append(selected ? " aria-current=\"true\"" : "").append(">")
                    .append("<span class=\"avatar\" aria-hidden=\"true\">").append(esc(initial(address)))
                    .append("</span><span class=\"who\"><b>").append(esc(address)).append("</b>")
                    .append("<small>").append(esc(preview(last.subject()))).append("</small></span>")
                    .append("<span class=\"when\">").append(SHORT_TIME.format(last.receivedAt()))
                    .append("<i>").append(mails.size()).append("封</i></span></a></li>");
        });

        Map<String, List<MailMessage>> shown = new LinkedHashMap<>();
        if (to == null) {
            shown.putAll(byAddress);
        } else {
            shown.put(to, inbox.newestFirst(to, SHOWN));
        }
        StringBuilder list = new StringBuilder();
        if (shown.values().stream().allMatch(List::isEmpty)) {
            list.append("<p class=\"empty\">").append(to == null ? "暂无邮件" : "邮箱 " + esc(to) + " 暂无邮件")
                    .append("</p>");
        }
        shown.forEach((address, mails) -> {
            if (mails.isEmpty()) {
                return;
            }
            list.append("<section class=\"mailbox\" aria-label=\"发给 ").append(esc(address)).append(" 的邮件\">")
                    .append("<h2><span>").append(esc(address)).append("</span><small>共 ").append(mails.size())
                    .append(" 封，最新在上</small></h2><ol>");
            for (MailMessage m : mails) {
                list.append("<li class=\"mail\"><article><h3>").append(esc(m.subject().isBlank() ? "（无主题）" : m.subject()))
                        .append("</h3><div class=\"meta\"><span>发件人：").append(esc(m.from())).append("</span>")
                        .append("<span>收件人：").append(esc(m.to())).append("</span>")
                        .append("<time datetime=\"").append(m.receivedAt()).append("\">")
                        .append(TIME.format(m.receivedAt())).append("</time></div>")
                        .append("<div class=\"body\">").append(highlight(m.body())).append("</div></article></li>");
            }
            list.append("</ol></section>");
        });

        return PAGE.formatted(
                to == null ? "" : esc(to),
                to == null ? "" : "<a class=\"all\" href=\"/sandbox/mail\">显示全部</a>",
                byAddress.size(), all.size(),
                mailboxes, list,
                esc(server.bindAddress() + ":" + server.port()));
    }

    private static String highlight(String body) {
        return CODE.matcher(esc(body)).replaceAll("<strong class=\"code\">$1</strong>");
    }

    private static String preview(String subject) {
        return subject.length() > 28 ? subject.substring(0, 28) + "…" : subject;
    }

    private static String initial(String address) {
        return address.isEmpty() ? "?" : address.substring(0, 1).toUpperCase(Locale.ROOT);
    }

    private static String link(String address) {
        return UriComponentsBuilder.fromPath("/sandbox/mail").queryParam("to", address).build().encode().toUriString();
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s, "UTF-8");
    }

    private static final String PAGE = """
            <!doctype html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>【沙箱】邮件收件箱</title>
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
            @media (min-width:820px){main{grid-template-columns:320px 1fr}}
            main>*{min-width:0}
            .card{background:#fff;border-radius:12px;box-shadow:0 1px 3px #0001;padding:12px}
            form.filter{display:flex;gap:8px;align-items:center;flex-wrap:wrap}
            form.filter label{font-weight:600;flex-basis:100%%}
            form.filter input{flex:1;min-width:0;padding:9px 10px;font-size:16px;border:1px solid #c5ccd6;border-radius:8px}
            button{padding:9px 16px;font-size:15px;border-radius:8px;border:0;background:#2563eb;color:#fff;cursor:pointer}
            button:focus-visible,a:focus-visible,input:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
            .all{font-size:14px;color:#2563eb}
            .threads{list-style:none;margin:10px 0 0;padding:0;max-height:70vh;overflow:auto}
            .threads .none{color:#5b6573;padding:8px}
            .thread{display:flex;gap:10px;align-items:center;padding:9px 8px;border-radius:10px;color:inherit;text-decoration:none}
            .thread:hover{background:#f1f5f9}.thread.selected{background:#dbeafe}
            .avatar{flex:none;width:38px;height:38px;border-radius:50%%;background:#2563eb;color:#fff;display:flex;
              align-items:center;justify-content:center;font-weight:700}
            .who{flex:1;min-width:0;display:flex;flex-direction:column}
            .who b{font-size:14px;overflow-wrap:anywhere}.who small{color:#5b6573;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
            .when{flex:none;color:#5b6573;font-size:12px;text-align:right;display:flex;flex-direction:column;gap:2px}
            .when i{font-style:normal;background:#e2e8f0;border-radius:9px;padding:0 6px;align-self:flex-end}
            .mailbox h2{font-size:17px;margin:0 0 8px;display:flex;gap:8px;align-items:baseline;flex-wrap:wrap;overflow-wrap:anywhere}
            .mailbox h2 small{font-weight:400;color:#5b6573;font-size:13px}
            .mailbox ol{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:12px}
            .mailbox + .mailbox{margin-top:18px;padding-top:14px;border-top:1px solid #e5e7eb}
            .mail article{border:1px solid #e2e8f0;border-radius:10px;padding:12px 14px}
            .mail h3{font-size:16px;margin:0 0 6px}
            .mail .meta{color:#5b6573;font-size:12px;display:flex;gap:12px;flex-wrap:wrap;margin-bottom:8px;overflow-wrap:anywhere}
            .mail .body{white-space:pre-wrap;font-size:15px;line-height:1.7;overflow-wrap:anywhere}
            .code{font-family:"SFMono-Regular",Consolas,"Courier New",monospace;font-size:20px;letter-spacing:3px;
              background:#fff;border:1px solid #c5ccd6;border-radius:6px;padding:0 6px;margin:0 2px;color:#0f172a}
            .empty{color:#5b6573;text-align:center;padding:24px 0}
            .hint{color:#5b6573;font-size:13px;margin:10px 0 0}
            </style>
            </head>
            <body>
            <div class="banner" role="note">沙箱环境 · 模拟邮件服务器<small>仅用于开发和测试，不会发送真实邮件</small></div>
            <header class="top"><h1>邮件收件箱</h1><span class="count" id="count">%3$d 个邮箱 · %4$d 封邮件</span></header>
            <main>
            <div class="side card">
              <form class="filter" method="get" action="/sandbox/mail" role="search">
                <label for="to">收件人邮箱</label>
                <input id="to" name="to" type="email" autocomplete="off" value="%1$s" placeholder="按邮箱筛选">
                <button type="submit">查询</button>
                %2$s
              </form>
              <nav aria-label="邮箱列表"><ul class="threads" id="threads">%5$s</ul></nav>
              <p class="hint">平台经 SMTP（%7$s）发出的邮件都在这里，不会真正寄出。</p>
            </div>
            <div class="card" id="list" aria-live="polite">%6$s</div>
            </main>
            <script>
            // refreshes the lists from the same server-rendered page; the filter field is left alone
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
