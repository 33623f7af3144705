package org.baokao.sandbox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * The frame the sandbox's two inboxes share (SMS at /sandbox/sms, mail at /sandbox/mail): the 沙箱 banner, the
 * heading with its count, a list of threads beside the messages, the styles and the script that refreshes the lists
 * every few seconds from the same server-rendered page. Each inbox fills in its own parts.
 */
public final class InboxPage {

    public static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));
    public static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private InboxPage() {
    }

    /**
     * The parts of one inbox page.
     *
     * @param title      the window title
     * @param banner     what the banner says the sandbox plays (模拟短信网关)
     * @param bannerNote the line under it (…不会发送真实短信)
     * @param heading    the page's h1
     * @param count      the counts beside the heading
     * @param styles     the page's own CSS rules, after the shared ones
     * @param side       the left column (filter form, thread list, hints)
     * @param messages   the messages column
     * @param extra      anything after the two columns inside main (e.g. the SMS page's failure controls)
     */
    public record Parts(String title, String banner, String bannerNote, String heading, String count, String styles,
            String side, String messages, String extra) {
    }

    public static String render(Parts parts) {
        return """
                <!doctype html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>""" + parts.title() + "</title>\n<style>\n" + STYLES + parts.styles() + """
                </style>
                </head>
                <body>
                <div class="banner" role="note">沙箱环境 · """ + parts.banner() + "<small>" + parts.bannerNote()
                + "</small></div>\n<header class=\"top\"><h1>" + parts.heading() + "</h1><span class=\"count\" id=\"count\">"
                + parts.count() + "</span></header>\n<main>\n<div class=\"side card\">\n" + parts.side() + "\n</div>\n"
                + "<div class=\"card\" id=\"list\" aria-live=\"polite\">" + parts.messages() + "</div>\n" + parts.extra()
                + "\n</main>\n" + REFRESH + "</body>\n</html>\n";
    }

    public static String esc(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s, "UTF-8");
    }

    /** The text escaped, with every verification code ({@code code}'s first group) set apart in large type. */
    public static String highlight(String text, Pattern code) {
        return code.matcher(esc(text)).replaceAll("<strong class=\"code\">$1</strong>");
    }

    private static final String STYLES = """
            *{box-sizing:border-box}
            body{font-family:"PingFang SC","Noto Sans SC","Microsoft YaHei",sans-serif;margin:0;background:#eceff3;color:#1f2328}
            .banner{background:repeating-linear-gradient(-45deg,#e8890c 0 14px,#d97706 14px 28px);color:#fff;padding:10px 16px;
              font-weight:700;text-align:center;letter-spacing:1px;text-shadow:0 1px 1px #0005}
            .banner small{display:block;font-weight:400;letter-spacing:0;font-size:13px}
            header.top{max-width:1080px;margin:0 auto;padding:16px 16px 4px;display:flex;align-items:baseline;gap:12px;flex-wrap:wrap}
            h1{font-size:22px;margin:0}
            .count{color:#5b6573;font-size:14px}
            main{max-width:1080px;margin:0 auto;padding:8px 16px 32px;display:grid;grid-template-columns:1fr;gap:16px}
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
            .avatar{flex:none;width:38px;height:38px;border-radius:50%;color:#fff;display:flex;
              align-items:center;justify-content:center;font-weight:700}
            .who{flex:1;min-width:0;display:flex;flex-direction:column}
            .who small{color:#5b6573;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
            .when{flex:none;color:#5b6573;font-size:12px;text-align:right;display:flex;flex-direction:column;gap:2px}
            .when i{font-style:normal;background:#e2e8f0;border-radius:9px;padding:0 6px;align-self:flex-end}
            .code{font-family:"SFMono-Regular",Consolas,"Courier New",monospace;font-size:20px;letter-spacing:3px;
              background:#fff;border:1px solid #c5ccd6;border-radius:6px;padding:0 6px;margin:0 2px;color:#0f172a}
            .empty{color:#5b6573;text-align:center;padding:24px 0}
            """;

    /** Refreshes the lists from the same server-rendered page; the form fields are left alone. */
    private static final String REFRESH = """
            <script>
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
            """;
}
