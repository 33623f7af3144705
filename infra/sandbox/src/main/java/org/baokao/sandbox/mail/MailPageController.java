package org.baokao.sandbox.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.baokao.sandbox.InboxPage;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The mail inbox page (http://localhost:8090/sandbox/mail), rendered on the server in the SMS inbox's frame ({@link InboxPage}): one
 * mailbox per recipient address (the one with the newest mail first), a filter by address, each mail with its
 * subject, sender, time and text, six-digit codes set apart. A small script refreshes the lists every few seconds.
 */
@RestController
class MailPageController {

    private static final int SHOWN = 300;
    private static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");

    private final MailInbox inbox;
    private final MailServer server;

    MailPageController(MailInbox inbox, MailServer server) {
        this.inbox = inbox;
        this.server = server;
    }

    @GetMapping(path = { "/sandbox/mail", "/sandbox/mail/", "/sandbox/mail/index.html" })
    ResponseEntity<String> inbox(@RequestParam(required = false) String to) {
        return ResponseEntity.ok().contentType(InboxPage.HTML)
                .body(render(to == null || to.isBlank() ? null : to.strip()));
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
                    .append("<span class=\"when\">").append(InboxPage.SHORT_TIME.format(last.receivedAt()))
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
                        .append(InboxPage.TIME.format(m.receivedAt())).append("</time></div>")
                        .append("<div class=\"body\">").append(InboxPage.highlight(m.body(), CODE))
                        .append("</div></article></li>");
            }
            list.append("</ol></section>");
        });

        String side = """
                <form class="filter" method="get" action="/sandbox/mail" role="search">
                  <label for="to">收件人邮箱</label>
                  <input id="to" name="to" type="email" autocomplete="off" value="%s" placeholder="按邮箱筛选">
                  <button type="submit">查询</button>
                  %s
                </form>
                <nav aria-label="邮箱列表"><ul class="threads" id="threads">%s</ul></nav>
                <p class="hint">平台经 SMTP（%s）发出的邮件都在这里，不会真正寄出。</p>""".formatted(
                to == null ? "" : esc(to),
                to == null ? "" : "<a class=\"all\" href=\"/sandbox/mail\">显示全部</a>",
                mailboxes, esc(server.bindAddress() + ":" + server.port()));
        return InboxPage.render(new InboxPage.Parts("【沙箱】邮件收件箱", "模拟邮件服务器", "仅用于开发和测试，不会发送真实邮件",
                "邮件收件箱", byAddress.size() + " 个邮箱 · " + all.size() + " 封邮件", STYLES, side, list.toString(), ""));
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
        return InboxPage.esc(s);
    }

    /** The mail page's own rules: a wider thread list, blue avatars, mails as cards. */
    private static final String STYLES = """
            @media (min-width:820px){main{grid-template-columns:320px 1fr}}
            form.filter label{flex-basis:100%}
            .threads{max-height:70vh}
            .avatar{background:#2563eb}
            .who b{font-size:14px;overflow-wrap:anywhere}
            .mailbox h2{font-size:17px;margin:0 0 8px;display:flex;gap:8px;align-items:baseline;flex-wrap:wrap;overflow-wrap:anywhere}
            .mailbox h2 small{font-weight:400;color:#5b6573;font-size:13px}
            .mailbox ol{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:12px}
            .mailbox + .mailbox{margin-top:18px;padding-top:14px;border-top:1px solid #e5e7eb}
            .mail article{border:1px solid #e2e8f0;border-radius:10px;padding:12px 14px}
            .mail h3{font-size:16px;margin:0 0 6px}
            .mail .meta{color:#5b6573;font-size:12px;display:flex;gap:12px;flex-wrap:wrap;margin-bottom:8px;overflow-wrap:anywhere}
            .mail .body{white-space:pre-wrap;font-size:15px;line-height:1.7;overflow-wrap:anywhere}
            .hint{color:#5b6573;font-size:13px;margin:10px 0 0}
            """;
}
