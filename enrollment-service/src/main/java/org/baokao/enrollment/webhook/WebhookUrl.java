package org.baokao.enrollment.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;

/**
 * Where a partner wants its deliveries (API-2): an absolute {@code https} address, because every delivery carries
 * the signature and the partner's data. Plain {@code http} only to this machine ({@code localhost},
 * {@code 127.0.0.1}) and only where {@code baokao.webhooks.allow-local-http} is set: the local stack and tests,
 * whose partner is the sandbox. No user name or password in the address (they would be shown in lists), no
 * fragment (never sent).
 */
@DomainModel
public final class WebhookUrl {

    public static final int MAX_LENGTH = 2000;
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1");

    private WebhookUrl() {
    }

    /** The address as stored and called; refuses (400 {@code WEBHOOK_URL_INVALID}) one that breaks the rule. */
    public static URI check(String typed, boolean allowLocalHttp) {
        if (typed == null || typed.isBlank() || typed.strip().length() > MAX_LENGTH) {
            throw invalid();
        }
        URI uri;
        try {
            uri = new URI(typed.strip());
        } catch (URISyntaxException e) {
            throw invalid();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || host.isEmpty() || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            throw invalid();
        }
        boolean secure = scheme.equals("https");
        boolean localHttp = scheme.equals("http") && allowLocalHttp && LOCAL_HOSTS.contains(host);
        if (!secure && !localHttp) {
            throw invalid();
        }
        return uri;
    }

    private static Refusal invalid() {
        return Refusal.invalid("WEBHOOK_URL_INVALID",
                "回调地址无效：须为以 https:// 开头的完整地址（不超过" + MAX_LENGTH + "个字符，不含用户名和密码）");
    }
}
