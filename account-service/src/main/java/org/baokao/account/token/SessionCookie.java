package org.baokao.account.token;

import org.baokao.web.bureau.BureauAddress;
import org.springframework.http.ResponseCookie;

/**
 * The candidate's refresh token as a cookie (issue 22): HttpOnly (no script, so no XSS, can read it), Secure,
 * SameSite=Strict (another site's page cannot make the browser send it), and sent only to the token endpoints of
 * the bureau the page is under ({@code /sd/api/accounts/public/tokens}: the gateway strips that prefix and names
 * the bureau in {@link BureauAddress#HEADER}). It has no Max-Age: it lives as long as the browser does, so a
 * shared computer (网吧) forgets it when the browser is closed; the server's own expiry of the refresh token (12 h)
 * and 退出 (which revokes the session) bound it further. See docs/WEB.md "Session".
 */
public final class SessionCookie {

    /** The cookie's name. */
    public static final String NAME = "baokao_refresh";

    /**
     * The header a browser sends with every call that uses the cookie: a cross-site form or image cannot set a
     * custom header, so a refresh by cookie without it is refused (CSRF, on top of SameSite). Not {@code X-Baokao-…}:
     * the gateway removes that prefix, reserved for headers the platform sets itself.
     */
    public static final String HEADER = "X-Candidate-Session";

    private static final String TOKEN_PATHS = "/api/accounts/public/tokens";

    private SessionCookie() {
    }

    /** The cookie carrying {@code refreshToken}, for a request addressed through {@code bureauHeader}. */
    public static ResponseCookie holding(String refreshToken, String bureauHeader) {
        return base(refreshToken, bureauHeader).build();
    }

    /** The cookie that makes the browser forget the refresh token (退出). */
    public static ResponseCookie cleared(String bureauHeader) {
        return base("", bureauHeader).maxAge(0).build();
    }

    /** The path the browser sees the token endpoints at: under the bureau's prefix when the gateway named one. */
    static String path(String bureauHeader) {
        String bureau = bureauHeader == null ? null : bureauHeader.strip();
        return BureauAddress.isCode(bureau) ? "/" + bureau + TOKEN_PATHS : TOKEN_PATHS;
    }

    private static ResponseCookie.ResponseCookieBuilder base(String value, String bureauHeader) {
        return ResponseCookie.from(NAME, value).httpOnly(true).secure(true).sameSite("Strict")
                .path(path(bureauHeader));
    }
}
